# Debian's nginx for compose where no container registry can be reached (nginx:1.27-alpine
# elsewhere): SMARTCITY_NGINX_IMAGE=localhost/smartcity-nginx. See deploy/README.md.
ARG BASE=localhost/smartcity-base:bookworm
FROM ${BASE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx \
    && apt-get clean && rm -rf /var/lib/apt/lists/*
CMD ["nginx", "-g", "daemon off;"]
