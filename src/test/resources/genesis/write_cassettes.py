#!/usr/bin/env python3
"""Writes the project's own recorded answers of the GENESIS web service (recorded/*.yaml).

The cassettes have the vcrpy format of the real recordings in ../shared/genesis/recorded/pystatis/ (an
`interactions:` list of {request, response}; ZIPs as !!binary). The tables inside the ZIPs are the project's own
ffcsv fixtures (src/test/resources/fixtures/ffcsv/); the status objects follow the real ones (Ident, Status,
Parameter with the credentials masked, Copyright). Run from the repository root:

    python3 src/test/resources/genesis/write_cassettes.py

The output is deterministic (fixed ZIP timestamps), so running it again changes nothing.
"""
import io
import json
import pathlib
import urllib.parse
import zipfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[4]
FIXTURES = ROOT / "src/test/resources/fixtures/ffcsv"
OUT = ROOT / "src/test/resources/genesis/recorded"
REGIONALSTATISTIK = "https://www.regionalstatistik.de/genesisws/rest/2020/"
GENESIS = "https://www-genesis.destatis.de/genesisWS/rest/2020/"
MASKED = "********************"
COPYRIGHT = "© Statistische Ämter des Bundes und der Länder, Deutschland, 2026"


def zipped(entry, data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo(entry, date_time=(2026, 3, 10, 20, 49, 32))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    return buffer.getvalue()


def form(**fields):
    return urllib.parse.urlencode(fields)


def tablefile(name, language="de", job="false", **extra):
    fields = dict(name=name, area="all", compress="false", startyear="", endyear="", regionalvariable="",
                  regionalkey="", format="ffcsv", language=language, job=job)
    fields.update(extra)
    return fields


def request(base, method, fields):
    return {"body": form(**fields), "headers": {"Content-Type": ["application/x-www-form-urlencoded"]},
            "method": "POST", "uri": base + method}


def status(service, method, code, content, kind, parameters, **more):
    body = {"Ident": {"Service": service, "Method": method},
            "Status": {"Code": code, "Content": content, "Type": kind},
            "Parameter": dict({"username": MASKED, "password": MASKED}, **parameters)}
    body.update(more)
    body["Copyright"] = COPYRIGHT
    return {"body": {"string": json.dumps(body, ensure_ascii=False)},
            "headers": {"Content-Type": ["application/json;charset=UTF-8"]},
            "status": {"code": 200, "message": ""}}


def zip_answer(file_name, data):
    return {"body": {"string": data},
            "headers": {"Content-Type": ["application/zip"],
                        "Content-Disposition": ["attachment; filename=" + file_name]},
            "status": {"code": 200, "message": ""}}


def fixture(name):
    return (FIXTURES / name).read_bytes()


def write(name, interactions):
    text = yaml.dump({"interactions": interactions, "version": 1}, sort_keys=False, allow_unicode=True)
    (OUT / name).write_text(text, encoding="utf-8")


def main():
    OUT.mkdir(parents=True, exist_ok=True)

    # Regionaldatenbank: the Kreis population table in German and English, each a ZIP of one flat file.
    de = "12411-01-01-4_1773175772751_de_flat"
    en = "12411-01-01-4_1773175790049_en_flat"
    write("12411-01-01-4.yaml", [
        {"request": request(REGIONALSTATISTIK, "data/tablefile", tablefile("12411-01-01-4")),
         "response": zip_answer(de + ".zip", zipped(de + ".csv", fixture("12411-01-01-4_population-by-sex_de_flat.csv")))},
        {"request": request(REGIONALSTATISTIK, "data/tablefile", tablefile("12411-01-01-4", language="en")),
         "response": zip_answer(en + ".zip", zipped(en + ".csv", fixture("12411-01-01-4_totals-english-labels_en_flat.csv")))},
    ])

    # GENESIS-Online: a table too large for a dialogue request, fetched through a job (98, 99, polls, resultfile).
    job = "12531-0043_171717171"
    polls = [{"request": request(GENESIS, "catalogue/results", dict(selection=job, area="user", pagelength="1")),
              "response": status("catalogue", "results", 104,
                                 "Es gibt keine Objekte zum angegebenen Selektionskriterium", "Information",
                                 {"selection": job, "area": "Benutzer", "pagelength": "1", "language": "de"},
                                 List=None)} for _ in range(3)]
    write("12531-0043.yaml", [
        {"request": request(GENESIS, "data/tablefile", tablefile("12531-0043")),
         "response": status("data", "tablefile", 98, "Die Tabelle ist zu gross, um im Dialog abgerufen zu werden."
                            " Bitte nutzen sie den Webservice mit dem Parameter job=true (REST) um eine"
                            " Verarbeitung im Hintergrund zu starten.", "Fehler",
                            {"name": "12531-0043", "job": "false", "format": "ffcsv", "language": "de"},
                            Object=None)},
        {"request": request(GENESIS, "data/tablefile", tablefile("12531-0043", job="true")),
         "response": status("data", "tablefile", 99, "Der Bearbeitungsauftrag wurde erstellt. Die Tabelle kann in"
                            " Kürze als Ergebnis mit folgendem Namen abgerufen werden: " + job, "Information",
                            {"name": "12531-0043", "job": "true", "format": "ffcsv", "language": "de"},
                            Object=None)},
    ] + polls + [
        {"request": request(GENESIS, "catalogue/results", dict(selection=job, area="user", pagelength="1")),
         "response": status("catalogue", "results", 0, "erfolgreich", "Information",
                            {"selection": job, "area": "Benutzer", "pagelength": "1", "language": "de"},
                            List=[{"Code": job, "Content": "Schutzsuchende: Kreise, Stichtag, Geschlecht",
                                   "Values": "10"}])},
        {"request": request(GENESIS, "data/resultfile", dict(name=job, area="all", compress="false",
                                                             format="ffcsv", language="de")),
         "response": zip_answer(job + "_flat.zip", zipped(job + "_flat.csv",
                                                          fixture("12531-0043_special-symbols_de_flat.csv")))},
    ])

    # GENESIS-Online: the outcomes that are no table (-1 server error, 104 nothing found, 90 no such table).
    write("status-codes.yaml", [
        {"request": request(GENESIS, "data/tablefile", tablefile("61111-0021")),
         "response": status("data", "tablefile", -1, "Für die Teiltabelle mit der Metadatenkombination:\n"
                            "Verbraucherpreisindex für Deutschland (61111)\nwurde kein Datenquader gefunden!",
                            "Fehler", {"name": "61111-0021"}, Object=None)},
        {"request": request(GENESIS, "data/tablefile", tablefile("63121-0001")),
         "response": status("data", "tablefile", 104, "Es gibt keine Objekte zum angegebenen Selektionskriterium",
                            "Information", {"name": "63121-0001"}, Object=None)},
        {"request": request(GENESIS, "data/tablefile", tablefile("12411-99-99-9")),
         "response": status("data", "tablefile", 90, "Die Tabelle 12411-99-99-9 ist nicht vorhanden.", "Fehler",
                            {"name": "12411-99-99-9"}, Object=None)},
    ])

    # Regionaldatenbank: success with adjusted parameters (22); the table comes as text in Object.Content.
    adjusted = fixture("13111-01-03-4_kreis-level-not-published_de_flat.csv").decode("utf-8-sig")
    write("13111-01-03-4.yaml", [
        {"request": request(REGIONALSTATISTIK, "data/tablefile", tablefile("13111-01-03-4", startyear="1990")),
         "response": status("data", "tablefile", 22, "erfolgreich mit Parameteranpassung: startyear 1990 auf 2025"
                            " gesetzt", "Warnung", {"name": "13111-01-03-4", "startyear": "1990"},
                            Object={"Content": adjusted, "Structure": None})},
    ])

    # Regionaldatenbank: what changed since a date (0: the statistic is listed; 104: nothing changed).
    write("modifieddata.yaml", [
        {"request": request(REGIONALSTATISTIK, "catalogue/modifieddata",
                            dict(selection="12411", type="all", date="03.11.2026", pagelength="500")),
         "response": status("catalogue", "modifieddata", 0, "erfolgreich", "Information",
                            {"selection": "12411", "type": "Alle", "date": "03.11.2026", "pagelength": "500"},
                            List=[{"Code": "12411", "Content": "Fortschreibung des Bevölkerungsstandes",
                                   "Type": "Aktualisierte Statistiken", "Date": "05.11.2026", "Added": "2025"}])},
        {"request": request(REGIONALSTATISTIK, "catalogue/modifieddata",
                            dict(selection="13111", type="all", date="03.11.2026", pagelength="500")),
         "response": status("catalogue", "modifieddata", 104,
                            "Es gibt keine Objekte zum angegebenen Selektionskriterium", "Information",
                            {"selection": "13111", "type": "Alle", "date": "03.11.2026", "pagelength": "500"},
                            List=None)},
    ])

    # Regionaldatenbank: a Regionalatlas indicator, whose code (AI-N-01-2-5) no file name reveals as a table code.
    atlas = "AI-N-01-2-5_1773175799999_de_flat"
    write("AI-N-01-2-5.yaml", [
        {"request": request(REGIONALSTATISTIK, "data/tablefile", tablefile("AI-N-01-2-5")),
         "response": zip_answer(atlas + ".zip", zipped(atlas + ".csv", fixture("AI-N-01-2-5_regionalatlas-share_de_flat.csv")))},
    ])


if __name__ == "__main__":
    main()
