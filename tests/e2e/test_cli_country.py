"""`import --country` and the case's country setting merge a foreign contact's spellings."""

from __future__ import annotations

from tests.e2e.conftest import Cli

XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"3\">\n"
    + "".join(
        f'  <sms protocol="0" address="{a}" date="{1710403200000 + i * 60000}" type="1"'
        f' body="bericht {i}" read="1" status="-1" contact_name="Dana" />\n'
        for i, a in enumerate(("+1 493 839 4898", "1 493 839 4898", "4938394898"))
    )
    + "</smses>\n"
)


def test_country_option_and_setting(cli: Cli) -> None:
    export = cli.cwd / "sms-backup.xml"
    export.write_text(XML, encoding="utf-8")
    cli.run("import", "a.chatsafe", str(export), "--country", "US")
    (conv,) = cli.json("stats", "a.chatsafe", "--json")["conversations"]
    assert conv["messages"] == 3
    bad = cli.run("import", "a.chatsafe", str(export), "--country", "Atlantis", check=False)
    assert bad.returncode == 2 and "--country" in bad.stderr
    # A case read as Dutch splits the contact in three; with its country set to US, a
    # later import puts all three messages in the one international conversation.
    cli.run("import", "b.chatsafe", str(export))
    convs = cli.json("stats", "b.chatsafe", "--json")["conversations"]
    assert [c["messages"] for c in convs] == [1, 1, 1]
    cli.run("settings", "b.chatsafe", "--set", "country=us", "--by", "IT")
    again = cli.cwd / "again"
    again.mkdir()
    (again / "sms-backup.xml").write_text(XML, encoding="utf-8")
    cli.run("import", "b.chatsafe", str(again / "sms-backup.xml"))
    convs = cli.json("stats", "b.chatsafe", "--json")["conversations"]
    assert sorted(c["messages"] for c in convs) == [1, 1, 3]
