# generate.py - writes most of tests/data/invalid/*.xml from the sample, one broken
# thing per file, with the expect lines computed from where each marker lands.
# Run after the sample changes: python3 tests/data/invalid/generate.py
# (bidrag-dubblett.xml and namnder/ are written by hand and left alone).
import os
OUT = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(OUT, "..", "..", "..", "samples", "sjovik-delarsrapport-2024.xml")
body = open(SRC, encoding="utf-8").read().split("\n", 2)[2]   # from <rapport

BAL = '''    </rakning>
    <rakning typ="balansrakning">
      <kolumn id="fg" rubrik="2023-12-31"/>
      <kolumn id="ia" rubrik="2024-08-31"/>
      <post id="at" namn="Anläggningstillgångar" varden="1500.0 1520.0"/>
      <summa id="st" namn="Summa tillgångar" roll="tillgangar"/>
      <post id="ek" namn="Eget kapital" varden="900.0 930.0"/>
      <post id="sk" namn="Skulder" varden="600.0 600.0"/>
      <summa id="tot" namn="Summa eget kapital och skulder" roll="ek-och-skulder"/>
    </rakning>'''

# name: (description, [(old, new)], [(level, code, marker, occurrence)])
cases = {
 "id-dubblett": ("N2 får samma id som N1",
   [('<mal id="N2"', '<mal id="N1"')], [("fel", "ID-DUBBLETT", 'id="N1" niva="namnd" titel="Fler barn', 0)]),
 "ref-namndref": ("N3 pekar på en nämnd som inte finns",
   [('titel="Kortare väntetid till särskilt boende" namndref="SN"', 'titel="Kortare väntetid till särskilt boende" namndref="XYZ"')],
   [("fel", "REF-SAKNAS", '<mal id="N3"', 0)]),
 "ref-typ": ("namndref på N4 pekar på ett mål",
   [('ekonomiskt bistånd" namndref="SN"', 'ekonomiskt bistånd" namndref="O1"')], [("fel", "REF-TYP", '<mal id="N4"', 0)]),
 "ref-drift": ("en driftrad pekar på en nämnd som inte finns",
   [('<rad namndref="TN" budget="88.7"', '<rad namndref="MBN" budget="88.7"')], [("fel", "REF-SAKNAS", 'namndref="MBN"', 0)]),
 "ref-projekt": ("ett projekt pekar på en nämnd som inte finns",
   [('id="P3" namn="Verksamhetssystem socialtjänst" namndref="SN"', 'id="P3" namn="Verksamhetssystem socialtjänst" namndref="VON"')],
   [("fel", "REF-SAKNAS", 'id="P3"', 0)]),
 "ref-personal": ("en personalrad pekar på en nämnd som inte finns",
   [('<rad namndref="TN" tillsvidareanstallda', '<rad namndref="KFN" tillsvidareanstallda')], [("fel", "REF-SAKNAS", 'namndref="KFN"', 0)]),
 "niva-saknas": ("N5 anger en målnivå som inte finns",
   [('<mal id="N5" niva="namnd"', '<mal id="N5" niva="enhet"')], [("fel", "NIVA-SAKNAS", '<mal id="N5"', 0)]),
 "niva-ordning": ("S4 har samma nivå som målet den står i",
   [('<mal id="S4" niva="strat"', '<mal id="S4" niva="omrade"')], [("fel", "NIVA-ORDNING", '<mal id="S4"', 0)]),
 "nivaer-saknas": ("malnivaer saknas fast dokumentet har mål",
   [('''  <malnivaer>
    <niva id="omrade" namn="Målområde"/>
    <niva id="strat" namn="Strategiskt mål"/>
    <niva id="namnd" namn="Nämndmål"/>
  </malnivaer>
''', '')], [("fel", "NIVAER-SAKNAS", '<mal id="O1"', 0)]),
 "overordnad-nastlad": ("N2 står i S1 och anger ändå overordnad",
   [('<mal id="N2" niva="namnd"', '<mal id="N2" niva="namnd" overordnad="S1"')], [("fel", "OVERORDNAD-NASTLAD", '<mal id="N2"', 0)]),
 "overordnad-slinga": ("O2 anger sitt eget undermål N3 som overordnad",
   [('<mal id="O2" niva="omrade"', '<mal id="O2" niva="omrade" overordnad="N3"')],
   [("fel", "OVERORDNAD-SLINGA", '<mal id="O2"', 0), ("fel", "NIVA-ORDNING", '<mal id="O2"', 0)]),
 "overordnad-saknas": ("ett mål pekar med overordnad på ett mål som inte finns",
   [('  <ekonomi enhet', '  <mal id="N9" niva="namnd" titel="Tryggare kollektivtrafik" namndref="TN" overordnad="S9"/>\n\n  <ekonomi enhet')],
   [("fel", "REF-SAKNAS", '<mal id="N9"', 0)]),
 "period-start": ("perioden börjar i februari",
   [('fran="2024-01-01"', 'fran="2024-02-01"')], [("fel", "PERIOD-START", '<period', 0)]),
 "period-slut": ("perioden slutar inte på månadens sista dag",
   [('till="2024-08-31"', 'till="2024-08-30"')], [("fel", "PERIOD-SLUT", '<period', 0)]),
 "period-langd": ("en delårsrapport på fem månader",
   [('till="2024-08-31"', 'till="2024-05-31"')], [("fel", "PERIOD-LANGD", '<period', 0)]),
 "datum": ("30 februari finns inte (fångas av schemat: xs:date)",
   [('till="2024-08-31"', 'till="2024-02-30"')], [("fel", "SCHEMA-VARDE", '<period', 0)]),
 "rapport-namnd": ("en verksamhetsberättelse utan namndref",
   [('typ="delarsrapport" ar="2024"', 'typ="verksamhetsberattelse" ar="2024"'), ('till="2024-08-31"', 'till="2024-12-31"')],
   [("fel", "RAPPORT-NAMND", '<rapport', 0)]),
 "dnr-format": ("diarienumret följer inte diarieformatet",
   [('<diarienummer>KS 2024/0456</diarienummer>', '<diarienummer>KS-2024-456</diarienummer>')], [("fel", "DNR-FORMAT", '<diarienummer>', 0)]),
 "dnr-ersatter": ("ersatter följer inte diarieformatet",
   [('<klassificering>2.4.1</klassificering>', '<klassificering>2.4.1</klassificering>\n    <ersatter>KS 2023-0411</ersatter>')],
   [("fel", "DNR-FORMAT", '<ersatter>', 0)]),
 "dnr-monster": ("diarieformat är inget giltigt PCRE2-mönster",
   [('diarieformat="^(KS|BUN|SN|TN) \\d{4}/\\d{3,5}$"', 'diarieformat="^(KS|BUN|SN|TN \\d{4}/\\d{3,5}$"')], [("fel", "DNR-MONSTER", '<kommun', 0)]),
 "dnr-grans": ("ett mönster som backtrackar förbi matchningsgränsen",
   [('diarieformat="^(KS|BUN|SN|TN) \\d{4}/\\d{3,5}$"', 'diarieformat="^(K|KS|S|KSS)+ \\d{4}/\\d{3,5}$"'),
    ('<diarienummer>KS 2024/0456</diarienummer>', '<diarienummer>' + 'KS' * 40 + ' 2024/04567890</diarienummer>')],
   [("fel", "DNR-GRANS", '<diarienummer>', 0)]),
 "bedomning-text": ("en manuell status utan analystext",
   [('<bedomning status="uppfyllt" prognos="uppfyllt">Sjukfrånvaron har minskat i samtliga förvaltningar, tydligast inom socialförvaltningen.</bedomning>',
     '<bedomning status="uppfyllt" prognos="uppfyllt">   </bedomning>')], [("fel", "BEDOMNING-TEXT", '<bedomning status="uppfyllt"', 0)]),
 "kolada": ("ett Kolada-id med fyra siffror",
   [('kolada="N15419"', 'kolada="N1541"')], [("fel", "KOLADA", '<indikator id="I1"', 0)]),
 "agenda2030": ("det finns inget globalt mål 18",
   [('agenda2030="4 10"', 'agenda2030="4 18"')], [("fel", "AGENDA2030", '<mal id="S1"', 0)]),
 "indikator-dubblett": ("två utfall för 2024 och två utgångsvärden",
   [('<utfall ar="2024">82.0</utfall>', '<utfall ar="2024">82.0</utfall>\n          <utfall ar="2024">81.5</utfall>'),
    ('<utgangsvarde ar="2022">91</utgangsvarde>', '<utgangsvarde ar="2022">91</utgangsvarde>\n          <utgangsvarde ar="2023">92</utgangsvarde>')],
   [("fel", "INDIKATOR-DUBBLETT", '<utfall ar="2024">81.5', 0), ("fel", "INDIKATOR-DUBBLETT", '<utgangsvarde ar="2023">92', 0)]),
 "bedomningsregler": ("gul-andel över 1",
   [('  </malnivaer>\n', '  </malnivaer>\n  <bedomningsregler gul-andel="1.5"/>\n')], [("fel", "BEDOMNINGSREGLER", '<bedomningsregler', 0)]),
 "drift-rad": ("en driftrad med både namndref och rubrik",
   [('<rad namndref="TN" budget="88.7"', '<rad namndref="TN" rubrik="Tekniska nämnden" budget="88.7"')], [("fel", "DRIFT-RAD", 'rubrik="Tekniska nämnden"', 0)]),
 "rad-dubblett": ("två driftrader för BUN",
   [('<rad namndref="SN" budget="498.5"', '<rad namndref="BUN" budget="498.5"')], [("fel", "RAD-DUBBLETT", 'namndref="BUN" budget="498.5"', 0)]),
 "personal-dubblett": ("två personalrader för SN",
   [('<rad namndref="TN" tillsvidareanstallda', '<rad namndref="SN" tillsvidareanstallda')], [("fel", "PERSONAL-DUBBLETT", 'namndref="SN" tillsvidareanstallda="214"', 0)]),
 "logo-saknas": ("logotypen finns inte",
   [('<vision>Sjövik', '<logotyp href="bilder/saknas.png"/>\n    <vision>Sjövik')], [("fel", "LOGO-SAKNAS", '<logotyp', 0)]),
 "logo-sokvag": ("logotypen ligger utanför dokumentets mapp",
   [('<vision>Sjövik', '<logotyp href="../pdf/logo.png"/>\n    <vision>Sjövik')], [("fel", "LOGO-SOKVAG", '<logotyp', 0)]),
 "logo-adress": ("logotypen är en webbadress",
   [('<vision>Sjövik', '<logotyp href="https://sjovik.se/logo.png"/>\n    <vision>Sjövik')], [("fel", "LOGO-SOKVAG", '<logotyp', 0)]),
 "logo-format": ("logotypen är ingen PNG eller JPEG",
   [('<vision>Sjövik', '<logotyp href="bilder/inte-en-bild.png"/>\n    <vision>Sjövik')], [("fel", "LOGO-FORMAT", '<logotyp', 0)]),
 "malltext": ("mallens platshållare står kvar (varningar) och perioden börjar fel (fel)",
   [('<avsnitt id="hvb" rubrik="Händelser av väsentlig betydelse">', '<avsnitt id="hvb" rubrik="[Fyll i rubrik]">'),
    ('<punkt>Avtal om fiberutbyggnad i Östra Sjövik tecknades i juni.</punkt>', '<punkt>&lt;Här skriver du händelserna&gt;</punkt>'),
    ('<atgard>Socialnämnden har beslutat', '<atgard>Klicka eller tryck här för att ange text. Socialnämnden har beslutat'),
    ('fran="2024-01-01"', 'fran="2024-02-01"')],
   [("varning", "MALLTEXT", 'rubrik="[Fyll i rubrik]"', 0), ("varning", "MALLTEXT", '&lt;Här skriver du', 0),
    ("varning", "MALLTEXT", '<atgard>Klicka', 0), ("fel", "PERIOD-START", '<period', 0)]),
 "tecken": ("ett tecken över U+FFFF i en titel (varning) och ett ogiltigt Kolada-id (fel)",
   [('titel="Friska medarbetare"', 'titel="Friska medarbetare 💪"'), ('kolada="U23471"', 'kolada="U2347"')],
   [("varning", "TECKEN-UTANFOR", 'titel="Friska medarbetare', 0), ("fel", "KOLADA", '<indikator id="I4"', 0)]),
 # caught by the loader
 "xml-doctype": ("en DOCTYPE med en entitet",
   [('<rapport xmlns', '<!DOCTYPE rapport [<!ENTITY kommun "Sjövik">]>\n<rapport xmlns')], [("fel", "XML-DOCTYPE", '<!DOCTYPE', 0)]),
 "xml-syntax": ("ett attributvärde utan citattecken",
   [('<period fran="2024-01-01"', '<period fran=2024-01-01')], [("fel", "XML-SYNTAX", '<period', 0)]),
 "tal-form": ("decimalkomma i stället för decimalpunkt",
   [('budget="88.7"', 'budget="88,7"')], [("fel", "TAL-FORM", 'budget="88,7"', 0)]),
 "schema-element": ("ett element som inte finns i modellen",
   [('<paragraf>§ 87</paragraf>', '<paragraf>§ 87</paragraf>\n    <sekreterare>Lisa Berg</sekreterare>')], [("fel", "SCHEMA-ELEMENT", '<sekreterare>', 0)]),
 "schema-attr-saknas": ("ett mål utan titel",
   [('<mal id="N4" niva="namnd" titel="Färre personer lever med ekonomiskt bistånd"', '<mal id="N4" niva="namnd"')],
   [("fel", "SCHEMA-ATTR-SAKNAS", '<mal id="N4"', 0)]),
 # economy, checked by calc_check_economy
 "drift-summa": ("driftredovisningens summa stämmer inte",
   [('<summa budget="1341.5"', '<summa budget="1351.5"')], [("fel", "DRIFT-SUMMA", '<summa budget="1351.5"', 0)]),
 "balans": ("en balansräkning som inte balanserar i kolumnen ia",
   [('    </rakning>', BAL)], [("fel", "BALANS", '<rakning typ="balansrakning"', 0)]),
 "finmal-noll": ("ett finansiellt mål vars nämnare blir noll",
   [('namnare="skatt bidrag"', 'namnare="skatt -skatt"')], [("fel", "FINMAL-NOLL", '<finansielltmal id="F1"', 0)]),
 "finmal-kolumn": ("ett finansiellt mål med en kolumn som inte finns",
   [('kolumn="p"/>', 'kolumn="prognos"/>')], [("fel", "FINMAL-KOLUMN", '<finansielltmal id="F1"', 0)]),
 "varden-antal": ("tre värden i en räkning med fyra kolumner",
   [('varden="201.4 214.9 318.0 322.5"', 'varden="201.4 214.9 318.0"')], [("fel", "VARDEN-ANTAL", '<post id="vi"', 0)]),
 # MODEL v2 part 2 (issue 13)
 "skala": ("en bedomningsskala med ett enda steg",
   [('  <organisation>', '  <bedomningsskala>\n    <steg id="alla" namn="Alla" poang="1"/>\n  </bedomningsskala>\n  <organisation>')],
   [("fel", "SKALA", '<bedomningsskala>', 0)]),
 "skala-steg": ("en prognos som inte är ett steg i kommunens skala",
   [('  <organisation>', '  <bedomningsskala>\n    <steg id="gront" namn="Grönt" poang="2" fran="1.5" motsvarar="uppfyllt"/>\n    <steg id="gult" namn="Gult" poang="1" fran="0.5" motsvarar="delvis"/>\n    <steg id="rott" namn="Rött" poang="0" motsvarar="ej-uppfyllt"/>\n  </bedomningsskala>\n  <organisation>')],
   [("fel", "SKALA-STEG", 'prognos="delvis">Resultaten förbättras', 0)]),
 "indikator-mal": ("ett trendmål med ett målvärde för rapportåret",
   [('enhet="%" riktning="hogre" kolada="N15419">', 'enhet="%" mal="oka" kolada="N15419">')],
   [("fel", "INDIKATOR-MAL", '<malvarde ar="2024">85</malvarde>', 0)]),
 "overordnad-lista": ("overordnad som nämner samma mål två gånger",
   [('  <ekonomi enhet="mnkr" decimaler="1">', '  <mal id="N9" niva="namnd" titel="Ett mål under S1" overordnad="S1 S1"/>\n  <ekonomi enhet="mnkr" decimaler="1">')],
   [("fel", "OVERORDNAD-LISTA", '<mal id="N9"', 0)]),
 "finmal-intervall": ("ett finansiellt mål med bara malvarde-min",
   [('riktning="hogre" malvarde="2.0" taljare="res"', 'malvarde-min="2.0" taljare="res"')],
   [("fel", "FINMAL-INTERVALL", '<finansielltmal id="F1"', 0)]),
 "uppdrag-text": ("ett pågående uppdrag utan kommentar",
   [('  <ekonomi enhet="mnkr" decimaler="1">', '  <uppdrag id="U1" titel="Ta fram en lokalförsörjningsplan" namndref="KS" status="pagar"/>\n  <ekonomi enhet="mnkr" decimaler="1">')],
   [("fel", "UPPDRAG-TEXT", '<uppdrag id="U1"', 0)]),
 "kontroll-text": ("en kontroll med avvikelse utan text",
   [('  <ekonomi enhet="mnkr" decimaler="1">', '  <internkontroll>\n    <kontroll namn="Attestordningen följs" resultat="avvikelse"/>\n  </internkontroll>\n  <ekonomi enhet="mnkr" decimaler="1">')],
   [("fel", "KONTROLL-TEXT", '<kontroll namn="Attestordningen', 0)]),
 "bidrag-namnd": ("ett uppdrag i ett nämndbidrag som nämner en annan nämnd",
   [('</rapport>', '  <namndbidrag namndref="BUN">\n    <uppdrag id="U1" titel="Fler platser i fritids" namndref="SN" status="klar"/>\n  </namndbidrag>\n</rapport>')],
   [("fel", "BIDRAG-NAMND", '<uppdrag id="U1"', 0)]),
}

for name, (desc, edits, expects) in sorted(cases.items()):
    text = body
    for old, new in edits:
        assert text.count(old) >= 1, (name, old)
        text = text.replace(old, new, 1)
    head = len(expects) + 1   # expect lines + the description line
    lines = text.split("\n")
    out = []
    for level, code, marker, occ in expects:
        hits = [i for i, l in enumerate(lines) if marker in l]
        assert len(hits) > occ, (name, marker)
        lineno = head + hits[occ] + 1
        out.append(f"<!-- expect: {code} {lineno} -->")
    out.append(f"<!-- Broken copy of samples/sjovik-delarsrapport-2024.xml: {desc}. -->")
    open(os.path.join(OUT, name + ".xml"), "w", encoding="utf-8").write("\n".join(out) + "\n" + text)
print(len(cases), "files")
