"""What is made from a view: the folium map and its assets, HTML, charts, slide images, the
brief, the GIS files, the static export."""
