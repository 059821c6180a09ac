"""Thailand Smart City Map: the frame. Page config, language, shared filters, navigation."""

import logging

import streamlit as st

import ui
from smartcity.output.render import escape
from ui.pages import DEFAULT_PAGE, EMBED_PAGE, PAGES, PRESENTER_PAGE

# No page_icon: a Material icon there is fetched from a font CDN, which fails offline.
st.set_page_config(page_title="Thailand Smart City Map", layout="wide")

ui.restore_from_url()
presenting = st.query_params.get("present") == "1"
# A news site's <iframe>: /embed, or any page with Streamlit's own ?embed=true (Streamlit keeps
# the "embed" parameter to itself: st.query_params never shows it, st.context.is_embedded does).
embedding = bool(st.context.is_embedded)
default = EMBED_PAGE if embedding else PRESENTER_PAGE if presenting else DEFAULT_PAGE
pages = [
    st.Page(
        entry.script,
        title=entry.title(ui.lang()),
        url_path=entry.url_path,
        default=entry.url_path == default,
        visibility="hidden" if entry.hidden else "visible",
    )
    for entry in PAGES
]
page = st.navigation(pages, position="hidden" if presenting or embedding else "top")
presenting = presenting or page.url_path == PRESENTER_PAGE
embedding = embedding or page.url_path == EMBED_PAGE
bare = presenting or embedding  # no title, switch or sidebar
st.set_page_config(page_title=ui.t("app_title"))
checked = ui.checked()
# A session's first run on the overview sends the map alone; the rest follows once it is drawn.
map_alone = (
    (page.url_path or default) == DEFAULT_PAGE and not bare and ui.map_first() and checked.boundaries is not None
)
st.session_state[ui.MAP_ALONE] = map_alone
# The page's script keeps its place at the top (it takes no room: PANEL_CSS). In a map-alone run
# it and the styles are sent after the map, so that the browser fetches the map's code first;
# they are sent in that run all the same, for the page's layout around the map is theirs.
script_slot = st.empty()
if not map_alone:
    ui.inject_css(script_slot)

if bare:  # the page's one h1, for screen readers: the stage and the embed show no title
    st.html(f'<h1 class="scm-sr-only">{escape(ui.t("app_title"))}</h1>')
if presenting:
    ui.inject_presenter_css()
elif embedding:
    ui.inject_embed_css()
    ui.show_problems(checked)
else:
    title_column, language_column = st.columns([5, 1], vertical_alignment="center")
    with language_column:  # in the first run too: on a phone it is a row above the map
        ui.language_switch()
    with title_column, st.container(key="app_title"):
        st.markdown(f"# {ui.t('app_title')}")
        st.caption(ui.t("app_subtitle"))
    ui.show_problems(checked)
    ui.shared_filters(checked.tables, map_alone)
ui.read_view()
st.session_state.pop(ui.PAGE_FAILED, None)

try:
    page.run()
except Exception:  # a page never shows a traceback; the server log keeps it, and tests see the flag
    logging.getLogger("smartcity").exception("page %s failed", page.url_path)
    st.session_state[ui.PAGE_FAILED] = page.url_path or default
    st.error(ui.t("page_failed"), icon=":material/error:")
if not bare and not map_alone:  # the page's last element: a page with its footer is whole
    with st.container(key=ui.PAGE_FOOTER):
        st.divider()
        st.caption(ui.t("footer"))
if map_alone:
    ui.inject_css(script_slot)
ui.sync_url()
