<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Actions</name>
    <message>
        <source>Go to the next proposed mark or open doubt (Shift+N: previous)</source>
        <translation>Ga naar het volgende voorstel of de volgende open twijfel (Shift+N: vorige)</translation>
    </message>
    <message>
        <source>Answer the selected doubt: private, party-political or business</source>
        <translation>Beantwoord de geselecteerde twijfel: privé, partijpolitiek of zakelijk</translation>
    </message>
    <message>
        <source>&amp;Answer doubt…</source>
        <translation>Twijfel &amp;beantwoorden…</translation>
    </message>
    <message>
        <source>Ask the minister or the records officer about the selection (blocks the bundle until answered)</source>
        <translation>Vraag de minister of de informatiebeheerder naar de selectie (het pakket wacht tot er een antwoord is)</translation>
    </message>
    <message>
        <source>&amp;Doubt…</source>
        <translation>&amp;Twijfel…</translation>
    </message>
    <message>
        <source>A page with what goes to the archive and what stays behind, per conversation</source>
        <translation>Een pagina met wat naar het archief gaat en wat achterblijft, per gesprek</translation>
    </message>
    <message>
        <source>&amp;What will leave</source>
        <translation>&amp;Wat gaat naar het archief</translation>
    </message>
    <message>
        <source>Import with options for IT support: format, text encoding, key files, country, year</source>
        <translation>Importeren met opties voor IT-ondersteuning: formaat, tekencodering, sleutelbestanden, land, jaar</translation>
    </message>
    <message>
        <source>Import with &amp;options…</source>
        <translation>Importeren met &amp;opties…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="126" />
        <source>Switch &amp;role…</source>
        <translation>Andere &amp;rol…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="128" />
        <source>Review under another name or role without closing the case</source>
        <translation>Verder onder een andere naam of rol, zonder de zaak te sluiten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="118" />
        <source>Case se&amp;ttings…</source>
        <translation>Zaakins&amp;tellingen…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="120" />
        <source>Organisation, appraisal, retention, information category and more</source>
        <translation>Organisatie, waardering, bewaartermijn, informatiecategorie en meer</translation>
    </message>
    <message>
        <source>Previous proposal</source>
        <translation>Vorig voorstel</translation>
    </message>
    <message>
        <source>Next &amp;proposal</source>
        <translation>Volgend &amp;voorstel</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="45" />
        <source>&amp;New case…</source>
        <translation>&amp;Nieuwe zaak…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="51" />
        <source>&amp;Open case…</source>
        <translation>Zaak &amp;openen…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="57" />
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="66" />
        <source>Import a &amp;folder…</source>
        <translation>Een &amp;map importeren…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="69" />
        <source>Import an export that is a folder (Telegram, Signal, iMessage)</source>
        <translation>Een export importeren die een map is (Telegram, Signal, iMessage)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="59" />
        <source>Import chat exports (files or folders; you can also drop them on the window)</source>
        <translation>Chatexports importeren (bestanden of mappen; u kunt ze ook op het venster slepen)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="65" />
        <source>&amp;Close case</source>
        <translation>Zaak &amp;sluiten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="66" />
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="69" />
        <source>Mark &amp;private</source>
        <translation>Markeer &amp;privé</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="71" />
        <source>Mark the selection private</source>
        <translation>Markeer de selectie als privé</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="76" />
        <source>Mark p&amp;arty-political</source>
        <translation>Markeer &amp;partijpolitiek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="78" />
        <source>Mark the selection party-political</source>
        <translation>Markeer de selectie als partijpolitiek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="83" />
        <source>C&amp;lear mark</source>
        <translation>Markering &amp;wissen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="85" />
        <source>Remove the mark from the selection (back to business, the default)</source>
        <translation>Verwijder de markering van de selectie (terug naar zakelijk, de standaard)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="90" />
        <source>Mark with a &amp;reason…</source>
        <translation>Markeren met &amp;reden…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="93" />
        <source>&amp;Confirm</source>
        <translation>&amp;Bevestigen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="95" />
        <source>Confirm this conversation (minister) or record it as reviewed</source>
        <translation>Bevestig dit gesprek (minister) of leg vast dat het is beoordeeld</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="99" />
        <source>Summary and confirm &amp;all…</source>
        <translation>Overzicht en &amp;alles bevestigen…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="104" />
        <source>Contact &amp;rules…</source>
        <translation>Contact&amp;regels…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="105" />
        <source>&amp;Lexicon…</source>
        <translation>&amp;Woordenlijst…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="106" />
        <source>In-scope &amp;period…</source>
        <translation>&amp;Periode…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="109" />
        <source>Create &amp;bundle…</source>
        <translation>&amp;Pakket maken…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="111" />
        <source>Create the business-only bundle for the archive</source>
        <translation>Maak het pakket met alleen zakelijke berichten voor het archief</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="114" />
        <source>&amp;Next message</source>
        <translation>&amp;Volgend bericht</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="115" />
        <source>P&amp;revious message</source>
        <translation>V&amp;orig bericht</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="117" />
        <source>Next con&amp;versation</source>
        <translation>Volgend &amp;gesprek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="121" />
        <source>Previous conver&amp;sation</source>
        <translation>Vorig ge&amp;sprek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="126" />
        <source>&amp;Search…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="128" />
        <source>Search all messages of the case</source>
        <translation>Zoek in alle berichten van de zaak</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="130" />
        <source>Check the review &amp;log</source>
        <translation>&amp;Beoordelingslog controleren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="131" />
        <source>&amp;About chatsafe</source>
        <translation>&amp;Over chatsafe</translation>
    </message>
    <message>
        <source>Export for &amp;Woo (RSMF)…</source>
        <translation>Exporteren voor de &amp;Woo (RSMF)…</translation>
    </message>
    <message>
        <source>Write what the bundle carries as RSMF files for review platforms</source>
        <translation>Schrijft wat het pakket bevat als RSMF-bestanden voor reviewplatforms</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message numerus="yes">
        <source>Cannot bundle or approve yet: %Ln open doubt(s) in {c} conversation(s). Answer them first (conversation filter: With doubts; N goes to the next).</source>
        <translation><numerusform>Nog geen pakket of goedkeuring mogelijk: %Ln open twijfel in {c} gesprek(ken). Beantwoord die eerst (gespreksfilter: Met twijfel; N gaat naar de volgende).</numerusform><numerusform>Nog geen pakket of goedkeuring mogelijk: %Ln open twijfels in {c} gesprek(ken). Beantwoord die eerst (gespreksfilter: Met twijfel; N gaat naar de volgende).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln review-log entry(s) carry(ies) a written reason: only a keyed commitment to it travels, never the reason.</source>
        <translation><numerusform>%Ln regel in de beoordelingslog heeft een geschreven reden: alleen een versleutelde vingerafdruk daarvan gaat mee, nooit de reden zelf.</numerusform><numerusform>%Ln regels in de beoordelingslog hebben een geschreven reden: alleen een versleutelde vingerafdruk daarvan gaat mee, nooit de reden zelf.</numerusform></translation>
    </message>
    <message>
        <source>Possibly cut by WhatsApp's export limit: {n}. Export again without media or use the phone backup route.</source>
        <translation>Mogelijk afgekapt door de exportlimiet van WhatsApp: {n}. Exporteer opnieuw zonder media of gebruik de route via de telefoonback-up.</translation>
    </message>
    <message>
        <source>Choose file</source>
        <translation>Bestand kiezen</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>Pakket opslaan</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Completeness (whole case): deleted-message markers: {d}; view-once messages: {v}; attachments missing from the export: {a}; disappearing-message notices: {m}. The bundle's completeness report (chatsafe-completeness.json) lists them per conversation.</source>
        <translation>Volledigheid (hele zaak): meldingen van verwijderde berichten: {d}; berichten voor eenmalige weergave: {v}; bijlagen die in de export ontbreken: {a}; meldingen over verdwijnende berichten: {m}. Het volledigheidsverslag in het pakket (chatsafe-completeness.json) noemt ze per gesprek.</translation>
    </message>
    <message>
        <source>Bundle written to {path}: {c}, {n}, {a}; signed by {s}.</source>
        <translation>Pakket geschreven naar {path}: {c}, {n}, {a}; ondertekend door {s}.</translation>
    </message>
    <message>
        <source>Will leave: {n} (with {e}).</source>
        <translation>Gaat naar het archief: {n} (met {e}).</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="97" />
        <source>Open the case settings…</source>
        <translation>Zaakinstellingen openen…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="284" />
        <source>Cannot bundle yet: these case settings are missing: {s}. IT support fills them in under Case settings.</source>
        <translation>Nog geen pakket mogelijk: deze zaakinstellingen ontbreken: {s}. IT-ondersteuning vult ze in onder Zaakinstellingen.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="103" />
        <source>Create the bundle for the archive</source>
        <translation>Het pakket voor het archief maken</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="113" />
        <source>Counting what will leave…</source>
        <translation>Tellen wat naar het archief gaat…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="117" />
        <source>Confirmation by the minister</source>
        <translation>Bevestiging door de minister</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="122" />
        <source>I, {name}, confirm that the business messages above may leave for the archive, and nothing else.</source>
        <translation>Ik, {name}, bevestig dat de zakelijke berichten hierboven naar het archief mogen, en verder niets.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="127" />
        <source>Approve without making the bundle</source>
        <translation>Goedkeuren zonder het pakket te maken</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="138" />
        <source>Signing certificate (IT support)</source>
        <translation>Ondertekeningscertificaat (IT-ondersteuning)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="146" />
        <source>PKCS#12 file</source>
        <translation>PKCS#12-bestand</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="146" />
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="149" />
        <source>PEM key and certificate</source>
        <translation>PEM-sleutel en certificaat</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="150" />
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="150" />
        <source>Certificate</source>
        <translation>Certificaat</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="154" />
        <source>Smartcard (PKCS#11)</source>
        <translation>Smartcard (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="155" />
        <source>PKCS#11 library</source>
        <translation>PKCS#11-bibliotheek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="155" />
        <source>Token label</source>
        <translation>Tokennaam</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="182" />
        <source>Passphrase or PIN</source>
        <translation>Wachtzin of pincode</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="185" />
        <source>Save bundle as</source>
        <translation>Pakket opslaan als</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="187" />
        <source>Replaces an earlier bundle (optional)</source>
        <translation>Vervangt een eerder pakket (optioneel)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="186" />
        <source>Only to withdraw messages afterwards</source>
        <translation>Alleen om achteraf berichten in te trekken</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="189" />
        <source>Include the written reasons for withheld messages (they may describe private matters)</source>
        <translation>Neem de geschreven redenen voor achtergehouden berichten op (ze kunnen privézaken beschrijven)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="203" />
        <source>Create bundle</source>
        <translation>Pakket maken</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="206" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="229" />
        <source>Withheld: {p} private, {pp} party-political, {o} outside the period.</source>
        <translation>Achtergehouden: {p} privé, {pp} partijpolitiek, {o} buiten de periode.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="232" />
        <source>Still unreviewed: {u}; unconfirmed: {c}.</source>
        <translation>Nog niet beoordeeld: {u}; niet bevestigd: {c}.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="266" />
        <source>The approval ({who}) is void: what would leave changed after it. The minister must approve again.</source>
        <translation>De goedkeuring ({who}) is vervallen: wat meegaat is daarna veranderd. De minister moet opnieuw goedkeuren.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="266" />
        <source>Approved by {who} (signed) at {at}.</source>
        <translation>Goedgekeurd door {who} (ondertekend) op {at}.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="266" />
        <source>Claimed by {who}, not signed, at {at}.</source>
        <translation>Geclaimd door {who}, niet ondertekend, op {at}.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="259" />
        <source>Not approved yet: the minister must open this step and approve, or make the bundle.</source>
        <translation>Nog niet goedgekeurd: de minister moet deze stap openen en goedkeuren, of het pakket maken.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="316" />
        <source>Your approval is recorded in the review log. IT support can now make the bundle.</source>
        <translation>Uw goedkeuring staat in de beoordelingslog. IT-ondersteuning kan nu het pakket maken.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="354" />
        <source>Making the bundle…</source>
        <translation>Pakket maken…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="362" />
        <source>Making the bundle: {phase}</source>
        <translation>Pakket maken: {phase}</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="379" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="398" />
        <source>Cancelling… no file will be written.</source>
        <translation>Annuleren… er wordt geen bestand geschreven.</translation>
    </message>
    <message>
        <source>The bundle was cancelled; no file was written.</source>
        <translation>Het pakket is geannuleerd; er is geen bestand geschreven.</translation>
    </message>
</context>
<context>
    <name>ConversationFilterBar</name>
    <message>
        <source>With doubts</source>
        <translation>Met twijfel</translation>
    </message>
    <message>
        <source>By app</source>
        <translation>Op app</translation>
    </message>
    <message>
        <source>By review state</source>
        <translation>Op beoordeling</translation>
    </message>
    <message>
        <source>Most messages</source>
        <translation>Meeste berichten</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Nieuwste eerst</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>Op titel</translation>
    </message>
    <message>
        <source>In import order</source>
        <translation>Op importvolgorde</translation>
    </message>
    <message>
        <source>Sort conversations</source>
        <translation>Gesprekken sorteren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="55" />
        <location filename="../../chatsafe/gui/panes.py" line="56" />
        <source>Filter by title or participant</source>
        <translation>Filter op titel of deelnemer</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="59" />
        <source>Filter by app</source>
        <translation>Filter op app</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="61" />
        <source>Filter by label</source>
        <translation>Filter op label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="63" />
        <source>All labels</source>
        <translation>Alle labels</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="67" />
        <source>With marked messages</source>
        <translation>Met gemarkeerde berichten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="71" />
        <source>Filter by review state</source>
        <translation>Filter op beoordeling</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="73" />
        <source>Any review state</source>
        <translation>Elke beoordeling</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="74" />
        <source>Not reviewed</source>
        <translation>Niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="75" />
        <source>Reviewed</source>
        <translation>Beoordeeld</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="76" />
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="77" />
        <source>With proposals</source>
        <translation>Met voorstellen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="98" />
        <source>All apps</source>
        <translation>Alle apps</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message numerus="yes">
        <source>%Ln in doubt</source>
        <translation><numerusform>%Ln met twijfel</numerusform><numerusform>%Ln met twijfel</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 message(s)</source>
        <translation><numerusform>%1 bericht</numerusform><numerusform>%1 berichten</numerusform></translation>
    </message>
    <message>
        <source>%1 (proposed)</source>
        <translation>%1 (voorstel)</translation>
    </message>
    <message>
        <source>inside: %1</source>
        <translation>binnenin: %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="109" />
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="110" />
        <source>Party-political</source>
        <translation>Partijpolitiek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="111" />
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="112" />
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="113" />
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="114" />
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="115" />
        <source>Messages</source>
        <translation>Berichten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="116" />
        <source>Marked inside</source>
        <translation>Gemarkeerd binnen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="117" />
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/conversation_model.py" line="171" />
        <source>%Ln private</source>
        <translation><numerusform>%Ln privé</numerusform><numerusform>%Ln privé</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/conversation_model.py" line="173" />
        <source>%Ln party-political</source>
        <translation><numerusform>%Ln partijpolitiek</numerusform><numerusform>%Ln partijpolitiek</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="181" />
        <source>Confirmed by %1</source>
        <translation>Bevestigd door %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="183" />
        <source>Reviewed by %1</source>
        <translation>Beoordeeld door %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="185" />
        <source>Not reviewed</source>
        <translation>Niet beoordeeld</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/conversation_model.py" line="187" />
        <source>%Ln proposed</source>
        <translation><numerusform>%Ln voorgesteld</numerusform><numerusform>%Ln voorgesteld</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/conversation_model.py" line="190" />
        <source>%Ln new, unreviewed</source>
        <translation><numerusform>%Ln nieuw, niet beoordeeld</numerusform><numerusform>%Ln nieuw, niet beoordeeld</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="192" />
        <source>proposed</source>
        <translation>voorgesteld</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="192" />
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="197" />
        <source>Reason: %1</source>
        <translation>Reden: %1</translation>
    </message>
</context>
<context>
    <name>DateFilterBar</name>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="112" />
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="113" />
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="117" />
        <source>Show messages from this date</source>
        <translation>Toon berichten vanaf deze datum</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="118" />
        <source>Show messages up to this date</source>
        <translation>Toon berichten tot en met deze datum</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="145" />
        <source>In-scope period: %1 – %2</source>
        <translation>Periode: %1 – %2</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="150" />
        <source>No in-scope period set</source>
        <translation>Geen periode ingesteld</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Answer it with Shift+D; the bundle waits until then.</source>
        <translation>Beantwoord met Shift+D; het pakket wacht tot dan.</translation>
    </message>
    <message>
        <source>In doubt: %1 asks %2</source>
        <translation>Twijfel: %1 vraagt %2</translation>
    </message>
    <message>
        <source>the records officer</source>
        <translation>de informatiebeheerder</translation>
    </message>
    <message>
        <source>the minister</source>
        <translation>de minister</translation>
    </message>
    <message>
        <source>In doubt</source>
        <translation>Twijfel</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Select a conversation or a message.</source>
        <translation>Kies een gesprek of een bericht.</translation>
    </message>
    <message>
        <source>System event</source>
        <translation>Systeemmelding</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Bijlage</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="53" />
        <source>Details of the selection</source>
        <translation>Details van de selectie</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="56" />
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="82" />
        <location filename="../../chatsafe/gui/details.py" line="83" />
        <source>Open %1</source>
        <translation>%1 openen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="131" />
        <source>(from the conversation's mark)</source>
        <translation>(via de markering van het gesprek)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="133" />
        <source>(the default)</source>
        <translation>(de standaard)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="135" />
        <source>(proposed by %1)</source>
        <translation>(voorgesteld door %1)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="137" />
        <source>(confirmed by %1)</source>
        <translation>(bevestigd door %1)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="145" />
        <source>present</source>
        <translation>aanwezig</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="145" />
        <source>missing from the export</source>
        <translation>ontbreekt in de export</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="164" />
        <source>(proposed)</source>
        <translation>(voorgesteld)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="1" />
        <source>Sources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="1" />
        <source>WhatsApp export</source>
        <translation>WhatsApp-export</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="1" />
        <source>WhatsApp database (Android)</source>
        <translation>WhatsApp-database (Android)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="1" />
        <source>WhatsApp database (iPhone/Mac)</source>
        <translation>WhatsApp-database (iPhone/Mac)</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="35" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="36" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="41" />
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="41" />
        <source>Party</source>
        <translation>Partij</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="113" />
        <source>Who is reviewing?</source>
        <translation>Wie beoordeelt?</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="115" />
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="117" />
        <source>Your role</source>
        <translation>Uw rol</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="125" />
        <source>Every mark you make is recorded in the case's review log under your name and role.</source>
        <translation>Elke markering die u maakt, wordt onder uw naam en rol vastgelegd in de beoordelingslog van de zaak.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="131" />
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="132" />
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="141" />
        <source>Please give your name.</source>
        <translation>Vul uw naam in.</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="34" />
        <source>Image viewer</source>
        <translation>Afbeelding bekijken</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="43" />
        <source>Importing…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="43" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="44" />
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="45" />
        <source>Import progress</source>
        <translation>Voortgang van de import</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="55" />
        <source>Cancelling… nothing will be kept.</source>
        <translation>Annuleren… er wordt niets bewaard.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="59" />
        <source>Reading</source>
        <translation>Lezen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="60" />
        <source>Storing</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="61" />
        <source>Indexing</source>
        <translation>Indexeren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="100" />
        <source>The import was cancelled. Nothing was added to the case.</source>
        <translation>De import is geannuleerd. Er is niets aan de zaak toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="101" />
        <source>Nothing was added to the case.</source>
        <translation>Er is niets aan de zaak toegevoegd.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../chatsafe/gui/style.py" line="28" />
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/style.py" line="29" />
        <source>Party-political</source>
        <translation>Partijpolitiek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/style.py" line="30" />
        <source>Business</source>
        <translation>Zakelijk</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>amber: open doubt, the bundle waits (Shift+D answers)</source>
        <translation>oranje: open twijfel, het pakket wacht (Shift+D beantwoordt)</translation>
    </message>
    <message>
        <source>outlined: proposal</source>
        <translation>omlijnd: voorstel</translation>
    </message>
    <message>
        <source>dashed: suggestion</source>
        <translation>gestreept: suggestie</translation>
    </message>
    <message>
        <source>dashed: lexicon suggestion, nobody decided</source>
        <translation>gestreept: suggestie van de woordenlijst, nog niemand besliste</translation>
    </message>
    <message>
        <source>outlined: proposal, not confirmed yet</source>
        <translation>omlijnd: voorstel, nog niet bevestigd</translation>
    </message>
    <message>
        <source>filled: confirmed</source>
        <translation>gevuld: bevestigd</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="32" />
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="37" />
        <source>(leaves)</source>
        <translation>(naar het archief)</translation>
    </message>
</context>
<context>
    <name>LexiconDialog</name>
    <message>
        <source>Term removed: its suggestions are gone.</source>
        <translation>Term verwijderd: de suggesties ervan zijn weg.</translation>
    </message>
    <message numerus="yes">
        <source>Term added: it occurs in %Ln conversation(s), which now show a suggestion.</source>
        <translation><numerusform>Term toegevoegd: hij komt voor in %Ln gesprek, dat nu een suggestie toont.</numerusform><numerusform>Term toegevoegd: hij komt voor in %Ln gesprekken, die nu een suggestie tonen.</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="204" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="209" />
        <source>Lexicon</source>
        <translation>Woordenlijst</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="207" />
        <source>Lexicon terms</source>
        <translation>Woorden in de woordenlijst</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="209" />
        <source>Term</source>
        <translation>Woord</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="209" />
        <source>Suggests</source>
        <translation>Suggereert</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="215" />
        <source>New term</source>
        <translation>Nieuw woord</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="217" />
        <source>a word; end with * to match words that start with it</source>
        <translation>een woord; eindig met * voor woorden die ermee beginnen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="220" />
        <source>Suggested label</source>
        <translation>Voorgesteld label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="223" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="224" />
        <source>Add term</source>
        <translation>Woord toevoegen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="226" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="227" />
        <source>Remove selected term</source>
        <translation>Gekozen woord verwijderen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="231" />
        <source>Words from the lexicon are underlined in the transcript and suggest a label (an outlined icon). A suggestion never becomes a mark until someone clicks.</source>
        <translation>Woorden uit de woordenlijst zijn onderstreept in het gesprek en stellen een label voor (een omlijnd pictogram). Een suggestie wordt pas een markering als iemand klikt.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="242" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Doubt %1 of %2</source>
        <translation>Twijfel %1 van %2</translation>
    </message>
    <message>
        <source>This is the demo case; its passphrase is: %1</source>
        <translation>Dit is de demozaak; de wachtzin is: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) found, the first at entry %1. The details are in the log.</source>
        <translation><numerusform>%Ln probleem gevonden, bij item %1. De details staan in het logbestand.</numerusform><numerusform>%Ln problemen gevonden, het eerste bij item %1. De details staan in het logbestand.</numerusform></translation>
    </message>
    <message>
        <source>the whole conversation &quot;%1&quot; (%2)</source>
        <translation>het hele gesprek &quot;%1&quot; (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln new message(s) (%1 already in the case).</source>
        <translation><numerusform>%Ln nieuw bericht geïmporteerd (%1 al in de zaak).</numerusform><numerusform>%Ln nieuwe berichten geïmporteerd (%1 al in de zaak).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) will leave · %1 unreviewed · %2 unconfirmed</source>
        <translation><numerusform>%Ln bericht gaat naar het archief · %1 nog niet beoordeeld · %2 nog niet bevestigd</numerusform><numerusform>%Ln berichten gaan naar het archief · %1 nog niet beoordeeld · %2 nog niet bevestigd</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln open doubt(s)</source>
        <translation><numerusform>%Ln open twijfel</numerusform><numerusform>%Ln open twijfels</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/main_window.py" line="830" />
        <source>Marked %Ln message(s) as %1. Ctrl+Z undoes it.</source>
        <translation><numerusform>%Ln bericht gemarkeerd als %1. Ctrl+Z maakt het ongedaan.</numerusform><numerusform>%Ln berichten gemarkeerd als %1. Ctrl+Z maakt het ongedaan.</numerusform></translation>
    </message>
    <message>
        <source>Proposal %1 of %2</source>
        <translation>Voorstel %1 van %2</translation>
    </message>
    <message>
        <source>No proposals left to confirm.</source>
        <translation>Er zijn geen voorstellen meer om te bevestigen.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="400" />
        <source>You now review as {name}.</source>
        <translation>U beoordeelt nu als {name}.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>mark a conversation as %1</source>
        <translation>een gesprek markeren als %1</translation>
    </message>
    <message numerus="yes">
        <source>mark %Ln message(s) as %1</source>
        <translation>
            <numerusform>%Ln bericht markeren als %1</numerusform>
            <numerusform>%Ln berichten markeren als %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked %1 as %2.</source>
        <translation>%1 gemarkeerd als %2.</translation>
    </message>
    <message>
        <source>Mark the whole conversation</source>
        <translation>Het hele gesprek markeren</translation>
    </message>
    <message>
        <source>Mark %1 as %2?</source>
        <translation>%1 markeren als %2?</translation>
    </message>
    <message>
        <source>business (no mark)</source>
        <translation>zakelijk (geen markering)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="29" />
        <source>Open case</source>
        <translation>Zaak openen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="31" />
        <source>chatsafe cases (*.chatsafe);;All files (*)</source>
        <translation>chatsafe-zaken (*.chatsafe);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="48" />
        <source>That passphrase does not unlock this case. Try again.</source>
        <translation>Deze wachtzin opent deze zaak niet. Probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="59" />
        <source>Cannot open the case</source>
        <translation>Kan de zaak niet openen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="60" />
        <source>Cannot open %1: %2</source>
        <translation>Kan %1 niet openen: %2</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="100" />
        <source>Cannot create the case</source>
        <translation>Kan de zaak niet maken</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="68" />
        <source>&amp;Case</source>
        <translation>&amp;Zaak</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="76" />
        <source>&amp;Review</source>
        <translation>&amp;Beoordelen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="86" />
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="95" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="98" />
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="106" />
        <source>Search the case (Ctrl+F)</source>
        <translation>Zoeken in de zaak (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="107" />
        <source>Search the case</source>
        <translation>Zoeken in de zaak</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="125" />
        <location filename="../../chatsafe/gui/main_window.py" line="144" />
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="138" />
        <location filename="../../chatsafe/gui/main_window.py" line="145" />
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="143" />
        <source>Conversations and search results</source>
        <translation>Gesprekken en zoekresultaten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="148" />
        <source>Transcript</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="184" />
        <source>What will leave</source>
        <translation>Wat naar het archief gaat</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="227" />
        <source>Working…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="245" />
        <source>Creating a bundle is not available in this version</source>
        <translation>Een pakket maken kan niet in deze versie</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="275" />
        <source>assistant</source>
        <translation>assistent</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="276" />
        <source>minister</source>
        <translation>minister</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="277" />
        <source>IT support</source>
        <translation>IT-ondersteuning</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="346" />
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="519" />
        <source>Import chat exports</source>
        <translation>Chatexports importeren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="522" />
        <source>Chat exports (*.txt *.zip *.json *.xml *.db *.mbox *.eml *.md);;All files (*)</source>
        <translation>Chatexports (*.txt *.zip *.json *.xml *.db *.mbox *.eml *.md);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="529" />
        <source>Import a folder</source>
        <translation>Een map importeren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="548" />
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="550" />
        <source>Your name as it appears in the exports (optional; it tells your messages apart):</source>
        <translation>Uw naam zoals die in de exports staat (optioneel; zo zijn uw berichten te herkennen):</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="572" />
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="610" />
        <source>%1 of %2 entries read were not imported; the import report lists them.</source>
        <translation>%1 van de %2 gelezen items zijn niet geïmporteerd; het importverslag noemt ze.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="251" />
        <source>Warning: the review log of this case has been altered. Marks may have been changed outside chatsafe. Tell IT support before you continue.</source>
        <translation>Waarschuwing: de beoordelingslog van deze zaak is gewijzigd. Markeringen zijn mogelijk buiten chatsafe veranderd. Meld dit bij IT-ondersteuning voordat u verdergaat.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="259" />
        <source>Review log altered</source>
        <translation>Beoordelingslog gewijzigd</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="267" />
        <source>Review log</source>
        <translation>Beoordelingslog</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="268" />
        <source>The review log is complete and unaltered.</source>
        <translation>De beoordelingslog is volledig en ongewijzigd.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="283" />
        <source>About chatsafe</source>
        <translation>Over chatsafe</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="284" />
        <source>chatsafe %1: separate business messages from private and party-political ones, and hand the business record to the archive.</source>
        <translation>chatsafe %1: scheid zakelijke berichten van privé- en partijpolitieke berichten, en draag het zakelijke deel over aan het archief.</translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation>Kan de demo niet openen</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <source>in doubt</source>
        <translation>twijfel</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="290" />
        <source>Click to take this message's mark away</source>
        <translation>Klik om de markering van dit bericht weg te halen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="292" />
        <source>Click to mark this message as business (it leaves for the archive)</source>
        <translation>Klik om dit bericht als zakelijk te markeren (het gaat naar het archief)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="293" />
        <source>Click to mark this message as %1</source>
        <translation>Klik om dit bericht als %1 te markeren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="133" />
        <source>deleted</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="135" />
        <source>edited</source>
        <translation>bewerkt</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="137" />
        <source>view once</source>
        <translation>eenmalig bekijken</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="139" />
        <source>forwarded</source>
        <translation>doorgestuurd</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="141" />
        <source>media missing</source>
        <translation>media ontbreken</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/message_model.py" line="143" />
        <source>%Ln attachment(s)</source>
        <translation><numerusform>%Ln bijlage</numerusform><numerusform>%Ln bijlagen</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="145" />
        <source>disappearing messages on</source>
        <translation>verdwijnende berichten aan</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="147" />
        <source>out of period</source>
        <translation>buiten de periode</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="177" />
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="178" />
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="179" />
        <source>Sender</source>
        <translation>Afzender</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="180" />
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="268" />
        <source>(from the conversation's mark)</source>
        <translation>(via de markering van het gesprek)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="270" />
        <source>(the default)</source>
        <translation>(de standaard)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="272" />
        <source>(proposed)</source>
        <translation>(voorgesteld)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="274" />
        <source>Reason: %1</source>
        <translation>Reden: %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="277" />
        <source>Suggested by the lexicon: %1 (click to decide)</source>
        <translation>Voorgesteld door de woordenlijst: %1 (klik om te beslissen)</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="160" />
        <location filename="../../chatsafe/gui/dialogs.py" line="205" />
        <source>New case</source>
        <translation>Nieuwe zaak</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="162" />
        <source>Case file</source>
        <translation>Zaakbestand</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="163" />
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="164" />
        <source>Choose where to save the case</source>
        <translation>Kies waar de zaak wordt opgeslagen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="170" />
        <source>Owner's name</source>
        <translation>Naam van de eigenaar</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="171" />
        <source>as it appears in the exports</source>
        <translation>zoals die in de exports staat</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="172" />
        <source>Protect with a passphrase instead of the keyring</source>
        <translation>Beveilig met een wachtzin in plaats van de beveiligde opslag van deze computer</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="178" />
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="181" />
        <source>Same passphrase again</source>
        <translation>Dezelfde wachtzin nogmaals</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="186" />
        <source>Case file:</source>
        <translation>Zaakbestand:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="187" />
        <source>Owner:</source>
        <translation>Eigenaar:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="189" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="190" />
        <source>Again:</source>
        <translation>Nogmaals:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="205" />
        <source>chatsafe cases (*.chatsafe)</source>
        <translation>chatsafe-zaken (*.chatsafe)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="219" />
        <source>Choose where to save the case.</source>
        <translation>Kies waar de zaak wordt opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="222" />
        <source>A file with this name exists already.</source>
        <translation>Er bestaat al een bestand met deze naam.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="226" />
        <source>The passphrase is too short.</source>
        <translation>De wachtzin is te kort.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="229" />
        <source>The two passphrases differ.</source>
        <translation>De twee wachtzinnen verschillen.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="61" />
        <location filename="../../chatsafe/gui/dialogs.py" line="64" />
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="67" />
        <source>Same passphrase again</source>
        <translation>Dezelfde wachtzin nogmaals</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="73" />
        <source>Choose a passphrase for the new case (at least %1 characters).</source>
        <translation>Kies een wachtzin voor de nieuwe zaak (minstens %1 tekens).</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="75" />
        <source>This case's key is not in this computer's keyring. Type its passphrase.</source>
        <translation>De sleutel van deze zaak is niet op deze computer bewaard. Typ de wachtzin van de zaak.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="79" />
        <source>Passphrase:</source>
        <translation>Wachtzin:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="81" />
        <source>Again:</source>
        <translation>Nogmaals:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="93" />
        <source>The passphrase is too short.</source>
        <translation>De wachtzin is te kort.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="96" />
        <source>The two passphrases differ.</source>
        <translation>De twee wachtzinnen verschillen.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="266" />
        <source>In-scope period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="267" />
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="268" />
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="272" />
        <source>First day in scope</source>
        <translation>Eerste dag binnen de periode</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="273" />
        <source>Last day in scope</source>
        <translation>Laatste dag binnen de periode</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="239" />
        <source>Mark with a reason</source>
        <translation>Markeren met een reden</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="241" />
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="246" />
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="247" />
        <source>optional, e.g. 'family matter'</source>
        <translation>optioneel, bijv. 'familiezaak'</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="249" />
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="250" />
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="47" />
        <source>Assistant (first pass: proposes marks)</source>
        <translation>Assistent (eerste ronde: stelt markeringen voor)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="48" />
        <source>Minister (confirms)</source>
        <translation>Minister (bevestigt)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="49" />
        <source>IT support (checks the case)</source>
        <translation>IT-ondersteuning (controleert de zaak)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rule removed. Conversations it marked keep their mark; change them by hand if needed.</source>
        <translation>Regel verwijderd. Gesprekken die de regel markeerde, houden hun markering; wijzig ze zo nodig met de hand.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message numerus="yes">
        <source>Rule added: %Ln conversation(s) changed.</source>
        <translation><numerusform>Regel toegevoegd: %Ln gesprek gewijzigd.</numerusform><numerusform>Regel toegevoegd: %Ln gesprekken gewijzigd.</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="121" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="124" />
        <source>Contact rules</source>
        <translation>Contactregels</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="126" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="126" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="137" />
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="126" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="141" />
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="135" />
        <source>Contact (name or number)</source>
        <translation>Contact (naam of nummer)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="142" />
        <source>optional</source>
        <translation>optioneel</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="143" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="144" />
        <source>Add rule</source>
        <translation>Regel toevoegen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="146" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="147" />
        <source>Remove selected rule</source>
        <translation>Gekozen regel verwijderen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="151" />
        <source>A rule marks one-to-one conversations with this contact, now and in later imports. Group conversations and conversations someone marked by hand are left alone.</source>
        <translation>Een regel markeert één-op-één-gesprekken met dit contact, nu en bij latere imports. Groepsgesprekken en gesprekken die iemand met de hand markeerde, blijven ongemoeid.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="157" />
        <source>Contact:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="158" />
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="159" />
        <source>Reason:</source>
        <translation>Reden:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="165" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <location filename="../../chatsafe/gui/selfcheck.py" line="38" />
        <source>chatsafe cannot start its window: the installed Qt for Python (PySide6 {pyside}) has a known defect with Python {python} that makes the app crash after a few minutes of review.

Install a PySide6 release below 6.12 (for example with pip install &quot;PySide6-Essentials&gt;=6.6,&lt;6.12&quot;), or use Python 3.12 or newer. The command line (chatsafe import, bundle, verify) keeps working.</source>
        <translation>chatsafe kan zijn venster niet openen: de geïnstalleerde Qt voor Python (PySide6 {pyside}) heeft met Python {python} een bekend defect waardoor de app na enkele minuten beoordelen vastloopt.

Installeer een PySide6-versie lager dan 6.12 (bijvoorbeeld met pip install &quot;PySide6-Essentials&gt;=6.6,&lt;6.12&quot;), of gebruik Python 3.12 of nieuwer. De opdrachtregel (chatsafe import, bundle, verify) blijft werken.</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message numerus="yes">
        <source>%Ln doubt(s) stay open: the bundle waits until they are answered.</source>
        <translation><numerusform>%Ln twijfel blijft open: het pakket wacht tot die beantwoord is.</numerusform><numerusform>%Ln twijfels blijven open: het pakket wacht tot die beantwoord zijn.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) will leave; %1 private and %2 party-political stay; out of period: %3.</source>
        <translation><numerusform>%Ln bericht gaat naar het archief; %1 privé en %2 partijpolitiek blijven achter; buiten de periode: %3.</numerusform><numerusform>%Ln berichten gaan naar het archief; %1 privé en %2 partijpolitiek blijven achter; buiten de periode: %3.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) that nobody has reviewed yet count(s) as reviewed</source>
        <translation><numerusform>%Ln bericht dat nog niemand heeft beoordeeld, geldt als beoordeeld</numerusform><numerusform>%Ln berichten die nog niemand heeft beoordeeld, gelden als beoordeeld</numerusform></translation>
    </message>
    <message>
        <source>%1, and %2. Everything that is not marked private or party-political leaves as business: %3.</source>
        <translation>%1, en %2. Alles wat niet als privé of partijpolitiek is gemarkeerd, gaat als zakelijk naar het archief: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln mark(s) proposed by an assistant become(s) decisions</source>
        <translation><numerusform>%Ln door een assistent voorgestelde markering wordt een besluit</numerusform><numerusform>%Ln door een assistent voorgestelde markeringen worden besluiten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Confirm all %Ln conversation(s)?</source>
        <translation><numerusform>Het gesprek bevestigen?</numerusform><numerusform>Alle %Ln gesprekken bevestigen?</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="45" />
        <source>Summary of what will leave</source>
        <translation>Overzicht van wat naar het archief gaat</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="48" />
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="49" />
        <source>Business (leaves)</source>
        <translation>Zakelijk (gaat naar het archief)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="52" />
        <source>Out of period</source>
        <translation>Buiten de periode</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="53" />
        <source>Unreviewed</source>
        <translation>Niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="54" />
        <source>Unconfirmed</source>
        <translation>Niet bevestigd</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="57" />
        <source>Summary per conversation</source>
        <translation>Overzicht per gesprek</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="63" />
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="87" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="88" />
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="90" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="92" />
        <source>Confirm all conversations</source>
        <translation>Alle gesprekken bevestigen</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (niet gevonden)</translation>
    </message>
    <message>
        <source>No cases yet. Create a new case for a minister's chats, or open a case someone gave you (a .chatsafe file). To look around first, choose “Open the demo”: a case with invented chats.</source>
        <translation>Nog geen zaken. Maak een nieuwe zaak voor de chats van een bewindspersoon, of open een zaak die u kreeg (een .chatsafe-bestand). Wilt u eerst rondkijken? Kies dan “Demo openen”: een zaak met verzonnen chats.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="163" />
        <source>chatsafe: separate business messages from private and party-political ones</source>
        <translation>chatsafe: scheid zakelijke berichten van privé- en partijpolitieke berichten</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="170" />
        <location filename="../../chatsafe/gui/panes.py" line="171" />
        <source>Open case…</source>
        <translation>Zaak openen…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="172" />
        <location filename="../../chatsafe/gui/panes.py" line="173" />
        <source>New case…</source>
        <translation>Nieuwe zaak…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="175" />
        <source>Recent cases</source>
        <translation>Recente zaken</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="184" />
        <source>Recent cases:</source>
        <translation>Recente zaken:</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Demo openen</translation>
    </message>
    <message>
        <source>The demo is a case with invented chats; its passphrase is %1.</source>
        <translation>De demo is een zaak met verzonnen chats; de wachtzin is %1.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="80" />
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="85" />
        <source>Save bundle</source>
        <translation>Pakket opslaan</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="88" />
        <source>Choose file</source>
        <translation>Bestand kiezen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>One entry of this export is larger than chatsafe accepts.</source>
        <translation>Eén item van deze export is groter dan chatsafe aanneemt.</translation>
    </message>
    <message>
        <source>Type a name such as Europe/Amsterdam, or leave the field empty.</source>
        <translation>Typ een naam zoals Europe/Amsterdam, of laat het veld leeg.</translation>
    </message>
    <message>
        <source>chatsafe does not know this time zone.</source>
        <translation>chatsafe kent deze tijdzone niet.</translation>
    </message>
    <message>
        <source>Type a code such as NL, BE, DE or US, or leave the field empty.</source>
        <translation>Typ een code zoals NL, BE, DE of US, of laat het veld leeg.</translation>
    </message>
    <message>
        <source>This is not a country code.</source>
        <translation>Dit is geen landcode.</translation>
    </message>
    <message>
        <source>Type the year of the first message, or leave the field alone.</source>
        <translation>Typ het jaar van het eerste bericht, of laat het veld staan.</translation>
    </message>
    <message>
        <source>This is not a year a WhatsApp export can start in.</source>
        <translation>In dit jaar kan een WhatsApp-export niet beginnen.</translation>
    </message>
    <message>
        <source>Choose an encoding from the list, or leave UTF-8.</source>
        <translation>Kies een codering uit de lijst, of laat UTF-8 staan.</translation>
    </message>
    <message>
        <source>chatsafe does not know this text encoding.</source>
        <translation>chatsafe kent deze tekencodering niet.</translation>
    </message>
    <message>
        <source>Choose the key file, or a file with the 64 digits.</source>
        <translation>Kies het sleutelbestand, of een bestand met de 64 cijfers.</translation>
    </message>
    <message>
        <source>The WhatsApp key file cannot be read.</source>
        <translation>Het WhatsApp-sleutelbestand is niet te lezen.</translation>
    </message>
    <message>
        <source>Choose the file that holds the Signal Desktop key.</source>
        <translation>Kies het bestand met de sleutel van Signal Desktop.</translation>
    </message>
    <message>
        <source>The Signal key file cannot be read.</source>
        <translation>Het Signal-sleutelbestand is niet te lezen.</translation>
    </message>
    <message>
        <source>Answer or withdraw every doubt first (filter: With doubts; N goes to the next).</source>
        <translation>Beantwoord of trek eerst elke twijfel in (filter: Met twijfel; N gaat naar de volgende).</translation>
    </message>
    <message>
        <source>Open doubts block this: someone still asks whether messages may leave.</source>
        <translation>Open twijfels houden dit tegen: iemand vraagt nog of berichten naar het archief mogen.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Details are in the log.</source>
        <translation>Er ging iets mis (%1). Details staan in het logboek.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>chatsafe could not do this.</source>
        <translation>chatsafe kon dit niet doen.</translation>
    </message>
    <message>
        <source>Details are in the log.</source>
        <translation>Details staan in het logboek.</translation>
    </message>
    <message>
        <source>This export cannot be imported as it is.</source>
        <translation>Deze export kan niet worden ingelezen zoals hij is.</translation>
    </message>
    <message>
        <source>Export the chat again from the phone and import the new file.</source>
        <translation>Exporteer het gesprek opnieuw vanaf de telefoon en lees het nieuwe bestand in.</translation>
    </message>
    <message>
        <source>This file is not a chat export.</source>
        <translation>Dit bestand is geen export van een chat.</translation>
    </message>
    <message>
        <source>Choose the file the phone's Export chat made.</source>
        <translation>Kies het bestand dat 'Chat exporteren' op de telefoon heeft gemaakt.</translation>
    </message>
    <message>
        <source>chatsafe does not recognise this export.</source>
        <translation>chatsafe herkent deze export niet.</translation>
    </message>
    <message>
        <source>See Help for the exports chatsafe reads, or ask IT support.</source>
        <translation>Zie Help voor de exports die chatsafe leest, of vraag het de IT-ondersteuning.</translation>
    </message>
    <message>
        <source>The text of this export is in an unknown character encoding.</source>
        <translation>De tekst van deze export heeft een onbekende tekencodering.</translation>
    </message>
    <message>
        <source>Ask IT support to import it with the encoding named.</source>
        <translation>Vraag de IT-ondersteuning om hem in te lezen met de juiste codering.</translation>
    </message>
    <message>
        <source>This zip file is refused: it holds something unsafe.</source>
        <translation>Dit zipbestand wordt geweigerd: er zit iets onveiligs in.</translation>
    </message>
    <message>
        <source>Export the chat again; do not change the zip file.</source>
        <translation>Exporteer het gesprek opnieuw; wijzig het zipbestand niet.</translation>
    </message>
    <message>
        <source>This file unpacks to far more than it holds and is refused.</source>
        <translation>Dit bestand pakt uit tot veel meer dan het bevat en wordt geweigerd.</translation>
    </message>
    <message>
        <source>A file inside this zip is damaged.</source>
        <translation>Een bestand in deze zip is beschadigd.</translation>
    </message>
    <message>
        <source>Copy the export from the phone again.</source>
        <translation>Kopieer de export opnieuw van de telefoon.</translation>
    </message>
    <message>
        <source>An image in this export is too large to show safely.</source>
        <translation>Een afbeelding in deze export is te groot om veilig te tonen.</translation>
    </message>
    <message>
        <source>It is kept as an attachment without a preview.</source>
        <translation>Ze blijft bewaard als bijlage, zonder voorbeeld.</translation>
    </message>
    <message>
        <source>A message or line in this export is longer than chatsafe accepts.</source>
        <translation>Een bericht of regel in deze export is langer dan chatsafe aanneemt.</translation>
    </message>
    <message>
        <source>Ask IT support to check the export.</source>
        <translation>Vraag de IT-ondersteuning de export te controleren.</translation>
    </message>
    <message>
        <source>The dates in this export use a calendar chatsafe cannot read.</source>
        <translation>De datums in deze export gebruiken een kalender die chatsafe niet kan lezen.</translation>
    </message>
    <message>
        <source>Set the phone to the Gregorian calendar and export the chat again.</source>
        <translation>Zet de telefoon op de gregoriaanse kalender en exporteer het gesprek opnieuw.</translation>
    </message>
    <message>
        <source>The backup's password is not right.</source>
        <translation>Het wachtwoord van de back-up klopt niet.</translation>
    </message>
    <message>
        <source>Type the backup password again.</source>
        <translation>Typ het wachtwoord van de back-up opnieuw.</translation>
    </message>
    <message>
        <source>The case file cannot be used.</source>
        <translation>Het zaakbestand kan niet worden gebruikt.</translation>
    </message>
    <message>
        <source>Open another case, or ask IT support.</source>
        <translation>Open een andere zaak, of vraag het de IT-ondersteuning.</translation>
    </message>
    <message>
        <source>This passphrase does not unlock the case.</source>
        <translation>Deze wachtzin opent deze zaak niet.</translation>
    </message>
    <message>
        <source>Type the passphrase again.</source>
        <translation>Typ de wachtzin opnieuw.</translation>
    </message>
    <message>
        <source>This computer does not hold the key of this case.</source>
        <translation>Deze computer heeft de sleutel van deze zaak niet.</translation>
    </message>
    <message>
        <source>Type the case's passphrase.</source>
        <translation>Typ de wachtzin van de zaak.</translation>
    </message>
    <message>
        <source>The case file has been changed outside chatsafe.</source>
        <translation>Het zaakbestand is buiten chatsafe gewijzigd.</translation>
    </message>
    <message>
        <source>Stop and tell IT support.</source>
        <translation>Stop en meld het bij de IT-ondersteuning.</translation>
    </message>
    <message>
        <source>A case setting is missing or not valid.</source>
        <translation>Een instelling van de zaak ontbreekt of is ongeldig.</translation>
    </message>
    <message>
        <source>Ask IT support to check the case settings.</source>
        <translation>Vraag de IT-ondersteuning de zaakinstellingen te controleren.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>The signing certificate cannot be used.</source>
        <translation>Het ondertekeningscertificaat kan niet worden gebruikt.</translation>
    </message>
    <message>
        <source>Check the certificate file and its passphrase or PIN.</source>
        <translation>Controleer het certificaatbestand en de wachtzin of pincode.</translation>
    </message>
    <message>
        <source>This review step is not possible.</source>
        <translation>Deze stap in de beoordeling is niet mogelijk.</translation>
    </message>
    <message>
        <source>Check who you are signed in as, and what is selected.</source>
        <translation>Controleer als wie u bent aangemeld en wat er geselecteerd is.</translation>
    </message>
    <message>
        <source>In {file}: </source>
        <translation>In {file}: </translation>
    </message>
    <message>
        <source>In {file}, line {line}: </source>
        <translation>In {file}, regel {line}: </translation>
    </message>
    <message>
        <source>In {file}, entry {entry}: </source>
        <translation>In {file}, onderdeel {entry}: </translation>
    </message>
    <message>
        <source>This needs the minister: the minister makes it, or approves it first.</source>
        <translation>Hiervoor is de minister nodig: de minister maakt het, of keurt het eerst goed.</translation>
    </message>
    <message>
        <source>Ask the minister to open Create bundle and approve.</source>
        <translation>Vraag de minister om 'Pakket maken' te openen en goed te keuren.</translation>
    </message>
    <message>
        <source>The minister's approval no longer covers what would leave: something changed after it.</source>
        <translation>De goedkeuring van de minister dekt niet meer wat naar het archief zou gaan: er is daarna iets veranderd.</translation>
    </message>
    <message>
        <source>Ask the minister to approve again.</source>
        <translation>Vraag de minister opnieuw goed te keuren.</translation>
    </message>
    <message>
        <source>This is not a WhatsApp backup key.</source>
        <translation>Dit is geen sleutel van een WhatsApp-back-up.</translation>
    </message>
    <message>
        <source>Type the 64 digits of the end-to-end backup key, or choose the key file.</source>
        <translation>Typ de 64 tekens van de end-to-end back-upsleutel, of kies het sleutelbestand.</translation>
    </message>
    <message>
        <source>This key does not open this backup (wrong key, or the file is damaged).</source>
        <translation>Deze sleutel opent deze back-up niet (verkeerde sleutel, of het bestand is beschadigd).</translation>
    </message>
    <message>
        <source>Check the 64 digits or the key file.</source>
        <translation>Controleer de 64 tekens of het sleutelbestand.</translation>
    </message>
    <message>
        <source>The time-stamping service could not stamp the bundle; no bundle was made.</source>
        <translation>De tijdstempeldienst kon het pakket geen tijdstempel geven; er is geen pakket gemaakt.</translation>
    </message>
    <message>
        <source>Try again later, or ask IT support to check the time-stamping settings.</source>
        <translation>Probeer het later opnieuw, of vraag de IT-ondersteuning de instellingen voor tijdstempels te controleren.</translation>
    </message>
</context>
<context>
    <name>RsmfDialog</name>
    <message>
        <source>{files} written to {folder}: {c}, {n}, {a}.</source>
        <translation>{files} geschreven naar {folder}: {c}, {n}, {a}.</translation>
    </message>
    <message>
        <source>Export for Woo (RSMF)</source>
        <translation>Exporteren voor de Woo (RSMF)</translation>
    </message>
    <message>
        <source>Writes exactly what the bundle would carry as RSMF 2.0 files, which review platforms (Relativity, Nuix, Reveal, ZyLAB) open for Woo requests. Nothing private or party-political is in them. It needs the minister, or the minister's approval.</source>
        <translation>Schrijft precies wat het pakket zou bevatten als RSMF 2.0-bestanden, die reviewplatforms (Relativity, Nuix, Reveal, ZyLAB) openen voor Woo-verzoeken. Er staat niets privé of partijpolitieks in. Hiervoor is de minister nodig, of de goedkeuring van de minister.</translation>
    </message>
    <message>
        <source>New folder for the RSMF files</source>
        <translation>Nieuwe map voor de RSMF-bestanden</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>New folder:</source>
        <translation>Nieuwe map:</translation>
    </message>
    <message>
        <source>One file per conversation and day</source>
        <translation>Eén bestand per gesprek en per dag</translation>
    </message>
    <message>
        <source>One file per conversation</source>
        <translation>Eén bestand per gesprek</translation>
    </message>
    <message>
        <source>How the files are cut</source>
        <translation>Hoe de bestanden worden verdeeld</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Bestanden:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Folder for the RSMF files</source>
        <translation>Map voor de RSMF-bestanden</translation>
    </message>
    <message>
        <source>Writing the RSMF files…</source>
        <translation>De RSMF-bestanden worden geschreven…</translation>
    </message>
    <message>
        <source>These files may pass RSMF's 2 GB limit (one entry with large attachments): {names}</source>
        <translation>Deze bestanden kunnen groter zijn dan de grens van 2 GB van RSMF (één bericht met grote bijlagen): {names}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Cancelling… no files will be written.</source>
        <translation>Annuleren… er worden geen bestanden geschreven.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>De export is geannuleerd; er is geen bestand geschreven.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>The key of %1 (Signal Desktop) is locked with the password of the minister's keychain item 'Signal Safe Storage'. Type that password.</source>
        <translation>De sleutel van %1 (Signal Desktop) is vergrendeld met het wachtwoord van het sleutelhangeronderdeel 'Signal Safe Storage' van de minister. Typ dat wachtwoord.</translation>
    </message>
    <message>
        <source>Signal password</source>
        <translation>Signal-wachtwoord</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>iPhone backup password</source>
        <translation>Wachtwoord van de iPhone-reservekopie</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>%1 is an encrypted iPhone backup. Type the backup password that was set in Finder or iTunes. Opening it takes some seconds.</source>
        <translation>%1 is een versleutelde iPhone-reservekopie. Typ het wachtwoord dat in Finder of iTunes is ingesteld. Openen duurt enkele seconden.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>WhatsApp backup key</source>
        <translation>Sleutel van de WhatsApp-reservekopie</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>%1 is an encrypted WhatsApp backup. Type the 64-digit end-to-end backup key (not the backup password).</source>
        <translation>%1 is een versleutelde WhatsApp-reservekopie. Typ de end-to-end-sleutel van 64 tekens (niet het wachtwoord van de reservekopie).</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>SummaryOp</name>
    <message numerus="yes">
        <source>All %Ln conversation(s) are confirmed. Answer the open doubts first (%1), then create the bundle; N goes to the next.</source>
        <translation><numerusform>Het gesprek is bevestigd. Beantwoord eerst de open twijfels (%1) en maak dan het pakket; N gaat naar de volgende.</numerusform><numerusform>Alle %Ln gesprekken zijn bevestigd. Beantwoord eerst de open twijfels (%1) en maak dan het pakket; N gaat naar de volgende.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln conversation(s) are confirmed. You can now create the bundle.</source>
        <translation><numerusform>Het gesprek is bevestigd. U kunt nu het pakket maken.</numerusform><numerusform>Alle %Ln gesprekken zijn bevestigd. U kunt nu het pakket maken.</numerusform></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="53" />
        <source>Organisation (archive creator)</source>
        <translation>Organisatie (archiefvormer)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="56" />
        <source>Organisation identifier</source>
        <translation>Kenmerk van de organisatie</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="57" />
        <source>Appraisal</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="58" />
        <source>Retention period</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="59" />
        <source>Retention starts at</source>
        <translation>Bewaartermijn begint bij</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="60" />
        <source>Retention start date</source>
        <translation>Begindatum bewaartermijn</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="61" />
        <source>Retention end date</source>
        <translation>Einddatum bewaartermijn</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="62" />
        <source>Selection list</source>
        <translation>Selectielijst</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="63" />
        <source>Information category</source>
        <translation>Informatiecategorie</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="66" />
        <source>Category number in the selection list</source>
        <translation>Nummer van de categorie in de selectielijst</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="69" />
        <source>Owner of the chats</source>
        <translation>Eigenaar van de chats</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="70" />
        <source>Time zone</source>
        <translation>Tijdzone</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="71" />
        <source>First day in scope</source>
        <translation>Eerste dag van de periode</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="72" />
        <source>Last day in scope</source>
        <translation>Laatste dag van de periode</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="79" />
        <source>For example: Ministerie van BZK.</source>
        <translation>Bijvoorbeeld: Ministerie van BZK.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="82" />
        <source>Optional: its https://organisaties.overheid.nl/ address.</source>
        <translation>Optioneel: het adres op https://organisaties.overheid.nl/.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="85" />
        <source>'permanent' for B and N; for V a term such as '10 jaar'.</source>
        <translation>'permanent' bij B en N; bij V een termijn zoals '10 jaar'.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="88" />
        <source>V only: the event that starts the term, e.g. Bevriezing.</source>
        <translation>Alleen bij V: de gebeurtenis waarmee de termijn begint, bijvoorbeeld Bevriezing.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="94" />
        <source>V only, optional: YYYY-MM-DD.</source>
        <translation>Alleen bij V, optioneel: JJJJ-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="97" />
        <source>The adopted selection list the category comes from.</source>
        <translation>De vastgestelde selectielijst waar de categorie uit komt.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="100" />
        <source>The category's name as the selection list writes it.</source>
        <translation>De naam van de categorie zoals de selectielijst die schrijft.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="103" />
        <source>Optional: its number, e.g. 1.1.</source>
        <translation>Optioneel: het nummer, bijvoorbeeld 1.1.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="106" />
        <source>The name the owner's messages carry in the exports.</source>
        <translation>De naam waaronder de berichten van de eigenaar in de exports staan.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="109" />
        <source>For wall-clock times; default Europe/Amsterdam.</source>
        <translation>Voor kloktijden; standaard Europe/Amsterdam.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="112" />
        <source>YYYY-MM-DD; leave empty for no start.</source>
        <translation>JJJJ-MM-DD; leeg laten voor geen begin.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="115" />
        <source>YYYY-MM-DD; leave empty for no end.</source>
        <translation>JJJJ-MM-DD; leeg laten voor geen einde.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="125" />
        <source>Case settings</source>
        <translation>Zaakinstellingen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="130" />
        <source>IT support or the records officer fills these in once per case. Organisation, appraisal, retention period and information category are required before a bundle can be made.</source>
        <translation>IT-ondersteuning of de informatiebeheerder vult dit één keer per zaak in. Organisatie, waardering, bewaartermijn en informatiecategorie zijn nodig voordat er een pakket gemaakt kan worden.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="144" />
        <source>(not set)</source>
        <translation>(niet ingesteld)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="146" />
        <source>B: keep permanently (blijvend te bewaren)</source>
        <translation>B: blijvend te bewaren</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="147" />
        <source>V: destroy after a term (tijdelijk te bewaren)</source>
        <translation>V: tijdelijk te bewaren (daarna vernietigen)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="148" />
        <source>N: decided later (nader te bepalen)</source>
        <translation>N: nader te bepalen</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="156" />
        <source>The MDTO appraisal from the selection list: B records go to the national or regional archive, V records are destroyed when the retention period ends, N means it is not decided yet.</source>
        <translation>De MDTO-waardering uit de selectielijst: B gaat naar het Nationaal Archief of een regionaal archief, V wordt vernietigd na afloop van de bewaartermijn, N betekent dat het nog niet besloten is.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="218" />
        <source>Choose one of the values offered.</source>
        <translation>Kies een van de aangeboden waarden.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="219" />
        <source>“{name}” is not valid. {hint}</source>
        <translation>“{name}” is niet geldig. {hint}</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="225" />
        <source>The first day in scope is after the last day in scope.</source>
        <translation>De eerste dag van de periode ligt na de laatste dag.</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>Import a folder</source>
        <translation>Een map importeren</translation>
    </message>
    <message>
        <source>Import chat exports</source>
        <translation>Chatexports importeren</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Exports:</source>
        <translation>Exports:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Eigenaar:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Tijdzone:</translation>
    </message>
    <message>
        <source>Country of the phone:</source>
        <translation>Land van de telefoon:</translation>
    </message>
    <message>
        <source>Year of the first message:</source>
        <translation>Jaar van het eerste bericht:</translation>
    </message>
    <message>
        <source>WhatsApp key file:</source>
        <translation>WhatsApp-sleutelbestand:</translation>
    </message>
    <message>
        <source>Signal key file:</source>
        <translation>Signal-sleutelbestand:</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>Tekencodering:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formaat:</translation>
    </message>
    <message>
        <source>The owner's name as it appears in the exports (tells their messages apart)</source>
        <translation>De naam van de eigenaar zoals die in de exports staat (zo zijn diens berichten te herkennen)</translation>
    </message>
    <message>
        <source>The time zone of the export's clock times, e.g. Europe/Amsterdam</source>
        <translation>De tijdzone van de tijden in de export, bijvoorbeeld Europe/Amsterdam</translation>
    </message>
    <message>
        <source>%1 (the case's time zone)</source>
        <translation>%1 (de tijdzone van de zaak)</translation>
    </message>
    <message>
        <source>The country the phone was used in (a code such as NL, BE, DE or US): national phone numbers in SMS exports are read as its numbers</source>
        <translation>Het land waar de telefoon werd gebruikt (een code zoals NL, BE, DE of US): nationale telefoonnummers in sms-exports worden als nummers van dat land gelezen</translation>
    </message>
    <message>
        <source>%1 (the case's country)</source>
        <translation>%1 (het land van de zaak)</translation>
    </message>
    <message>
        <source>The year of the first message of a WhatsApp export printed without years. Left alone, chatsafe works it out from the file's date and says which year it took.</source>
        <translation>Het jaar van het eerste bericht van een WhatsApp-export zonder jaartallen. Laat u het staan, dan leidt chatsafe het af uit de datum van het bestand en meldt welk jaar het nam.</translation>
    </message>
    <message>
        <source>Work it out</source>
        <translation>Zelf bepalen</translation>
    </message>
    <message>
        <source>The WhatsApp backup key: a file with the 64 digits, or the key file (encrypted_backup.key, key). Without it chatsafe asks for the digits.</source>
        <translation>De sleutel van de WhatsApp-back-up: een bestand met de 64 cijfers, of het sleutelbestand (encrypted_backup.key, key). Zonder bestand vraagt chatsafe om de cijfers.</translation>
    </message>
    <message>
        <source>Choose the WhatsApp key file</source>
        <translation>Kies het WhatsApp-sleutelbestand</translation>
    </message>
    <message>
        <source>A file holding the Signal Desktop database key (hex)</source>
        <translation>Een bestand met de databasesleutel van Signal Desktop (hex)</translation>
    </message>
    <message>
        <source>Choose the Signal key file</source>
        <translation>Kies het Signal-sleutelbestand</translation>
    </message>
    <message>
        <source>The character encoding of text exports that are not UTF-8</source>
        <translation>De tekencodering van tekstexports die geen UTF-8 zijn</translation>
    </message>
    <message>
        <source>UTF-8 (the usual)</source>
        <translation>UTF-8 (gebruikelijk)</translation>
    </message>
    <message>
        <source>Skip detection and read the export as this format</source>
        <translation>Niet herkennen, maar de export in dit formaat lezen</translation>
    </message>
    <message>
        <source>Recognise automatically</source>
        <translation>Automatisch herkennen</translation>
    </message>
    <message>
        <source>Add a fol&amp;der…</source>
        <translation>&amp;Map toevoegen…</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>&amp;Bestanden toevoegen…</translation>
    </message>
    <message>
        <source>Exports to import</source>
        <translation>Te importeren exports</translation>
    </message>
    <message>
        <source>For exports chatsafe does not recognise by itself. Leave a field empty to use what chatsafe works out; each field is the same as an option of “chatsafe import” on the command line.</source>
        <translation>Voor exports die chatsafe niet zelf herkent. Laat een veld leeg om te gebruiken wat chatsafe zelf bepaalt; elk veld is hetzelfde als een optie van “chatsafe import” op de opdrachtregel.</translation>
    </message>
    <message>
        <source>Import with options</source>
        <translation>Importeren met opties</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Doubt?</source>
        <translation>Twijfel?</translation>
    </message>
    <message>
        <source>Outside the period</source>
        <translation>Buiten de periode</translation>
    </message>
    <message>
        <source>Disappearing messages on</source>
        <translation>Verdwijnende berichten aan</translation>
    </message>
    <message>
        <source>Media missing</source>
        <translation>Media ontbreekt</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Doorgestuurd</translation>
    </message>
    <message>
        <source>View once</source>
        <translation>Eenmalig bekijken</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bewerkt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Suggestie: %1</translation>
    </message>
    <message>
        <source>Proposal: %1</source>
        <translation>Voorstel: %1</translation>
    </message>
    <message>
        <source>%1 (conversation)</source>
        <translation>%1 (gesprek)</translation>
    </message>
</context>
<context>
    <name>TranscriptLegend</name>
    <message>
        <source>Legend of the badges</source>
        <translation>Legenda van de labels</translation>
    </message>
</context>
<context>
    <name>Bubbles</name>
    <message>
        <source>Attachment: %1</source>
        <translation>Bijlage: %1</translation>
    </message>
    <message>
        <source>Attachment missing: %1</source>
        <translation>Bijlage ontbreekt: %1</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Reply to a message that is not in the case</source>
        <translation>Antwoord op een bericht dat niet in de zaak zit</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixels</translation>
    </message>
    <message>
        <source>Only the small preview can be shown for this file.</source>
        <translation>Van dit bestand kan alleen het kleine voorbeeld worden getoond.</translation>
    </message>
    <message>
        <source>Loading the full image…</source>
        <translation>De volledige afbeelding wordt geladen…</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>Afbeelding bekijken</translation>
    </message>
</context>
<context>
    <name>CollectWizard</name>
    <message>
        <source>Some inputs cannot be imported as they are: see what to do, go back and choose them again.</source>
        <translation>Niet alle invoer kan zo worden geïmporteerd: lees wat u moet doen, ga terug en kies de invoer opnieuw.</translation>
    </message>
    <message>
        <source>Everything can be imported. Import starts the import; it can be cancelled.</source>
        <translation>Alles kan worden geïmporteerd. Importeren start het importeren; u kunt het annuleren.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; V&amp;orige</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>Guided collection</source>
        <translation>Begeleid verzamelen</translation>
    </message>
    <message>
        <source>Checking the inputs…</source>
        <translation>De invoer wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Uitkomst van de controles</translation>
    </message>
    <message>
        <source>Checks before the import</source>
        <translation>Controles vóór het importeren</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Bestanden toevoegen</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Map toevoegen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>&amp;Bestanden toevoegen…</translation>
    </message>
    <message>
        <source>Add a &amp;folder…</source>
        <translation>&amp;Map toevoegen…</translation>
    </message>
    <message>
        <source>Inputs to import</source>
        <translation>Te importeren invoer</translation>
    </message>
    <message>
        <source>A backup or app folder as it is, or database and export files.</source>
        <translation>Een back-up- of app-map zoals die is, of database- en exportbestanden.</translation>
    </message>
    <message>
        <source>Choose what you brought</source>
        <translation>Kies wat u hebt meegenomen</translation>
    </message>
    <message>
        <source>What to bring</source>
        <translation>Wat u meeneemt</translation>
    </message>
    <message>
        <source>The apps' own databases hold every message; exports are cut.</source>
        <translation>De eigen databases van de apps bevatten elk bericht; exports zijn ingekort.</translation>
    </message>
    <message>
        <source>Which device or app?</source>
        <translation>Welk apparaat of welke app?</translation>
    </message>
    <message>
        <source>the import will ask for the key</source>
        <translation>het importeren vraagt om de sleutel</translation>
    </message>
    <message>
        <source>What to bring from each phone and app, checked before the import</source>
        <translation>Wat u van elke telefoon en app meeneemt, gecontroleerd vóór het importeren</translation>
    </message>
    <message>
        <source>&amp;Guided collection…</source>
        <translation>&amp;Begeleid verzamelen…</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Signal Desktop's key is locked by the minister's keychain: give the password of its 'Signal Safe Storage' item (CHATSAFE_SIGNAL_SAFE_STORAGE) or the raw key (--signal-key)</source>
        <translation>de sleutel van Signal Desktop is vergrendeld door de sleutelhanger van de minister: geef het wachtwoord van het onderdeel 'Signal Safe Storage' (CHATSAFE_SIGNAL_SAFE_STORAGE) of de sleutel zelf (--signal-key)</translation>
    </message>
    <message>
        <source>a Signal folder from Windows without its 'Local State' file: copy that file too (and import on the minister's laptop), or give the raw key</source>
        <translation>een Signal-map van Windows zonder het bestand 'Local State': kopieer dat bestand ook (en importeer op de laptop van de minister), of geef de sleutel zelf</translation>
    </message>
    <message>
        <source>the app was still running: quit it and copy the folder again</source>
        <translation>de app draaide nog: sluit hem af en kopieer de map opnieuw</translation>
    </message>
    <message>
        <source>no Media folder next to the database: photos and files will be missing</source>
        <translation>geen map Media naast de database: foto's en bestanden zullen ontbreken</translation>
    </message>
    <message>
        <source>an encrypted WhatsApp backup: give the 64-digit key (--whatsapp-key)</source>
        <translation>een versleutelde WhatsApp-back-up: geef de 64-cijferige sleutel (--whatsapp-key)</translation>
    </message>
    <message>
        <source>an encrypted iPhone backup: the import will ask for its password</source>
        <translation>een versleutelde iPhone-back-up: het importeren vraagt om het wachtwoord</translation>
    </message>
    <message>
        <source>ready to import</source>
        <translation>klaar om te importeren</translation>
    </message>
    <message>
        <source>WhatsApp 'Export chat' (with media), Signal exports, SMS Backup &amp; Restore, Telegram Desktop, e-mail (mbox): import them too. chatsafe merges a WhatsApp export with the database of the same chat and reports what each source held.</source>
        <translation>WhatsApp 'Chat exporteren' (met media), Signal-exports, SMS Backup &amp; Restore, Telegram Desktop, e-mail (mbox): importeer die ook. chatsafe voegt een WhatsApp-export samen met de database van dezelfde chat en meldt wat elke bron bevatte.</translation>
    </message>
    <message>
        <source>'Export chat' files, as a complement</source>
        <translation>bestanden van 'Chat exporteren', als aanvulling</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Run chatsafe on the minister's own laptop and account to open the key: the Mac keychain item 'Signal Safe Storage', the Linux desktop keyring, or Windows (DPAPI) unlock it there. Elsewhere give the safeStorage password (CHATSAFE_SIGNAL_SAFE_STORAGE; from KWallet: folder 'Signal Keys') or the raw key (--signal-key FILE).</source>
        <translation>Gebruik chatsafe op de eigen laptop en het eigen account van de minister om de sleutel te openen: het Mac-sleutelhangeronderdeel 'Signal Safe Storage', de wachtwoordopslag van de Linux-desktop of Windows (DPAPI) ontgrendelen hem daar. Elders geeft u het safeStorage-wachtwoord (CHATSAFE_SIGNAL_SAFE_STORAGE; uit KWallet: map 'Signal Keys') of de sleutel zelf (--signal-key BESTAND).</translation>
    </message>
    <message>
        <source>Copy the whole folder: ~/Library/Application Support/Signal (Mac), %APPDATA%\Signal (Windows), ~/.config/Signal (Linux): config.json, 'Local State', sql/ and attachments.noindex/.</source>
        <translation>Kopieer de hele map: ~/Library/Application Support/Signal (Mac), %APPDATA%\Signal (Windows), ~/.config/Signal (Linux): config.json, 'Local State', sql/ en attachments.noindex/.</translation>
    </message>
    <message>
        <source>Quit Signal Desktop first (its newest messages are in db.sqlite-wal until then).</source>
        <translation>Sluit eerst Signal Desktop af (tot dan staan de nieuwste berichten in db.sqlite-wal).</translation>
    </message>
    <message>
        <source>the Signal folder, with Signal closed</source>
        <translation>de Signal-map, met Signal afgesloten</translation>
    </message>
    <message>
        <source>Signal Desktop</source>
        <translation>Signal Desktop</translation>
    </message>
    <message>
        <source>Quit WhatsApp. Copy ~/Library/Group Containers/group.net.whatsapp.WhatsApp.shared/ whole: ChatStorage.sqlite, its -wal file (the newest messages are there) and Message/Media.</source>
        <translation>Sluit WhatsApp af. Kopieer ~/Library/Group Containers/group.net.whatsapp.WhatsApp.shared/ helemaal: ChatStorage.sqlite, het bijbehorende -wal-bestand (daarin staan de nieuwste berichten) en Message/Media.</translation>
    </message>
    <message>
        <source>the app group folder</source>
        <translation>de app-groepsmap</translation>
    </message>
    <message>
        <source>WhatsApp Desktop (Mac)</source>
        <translation>WhatsApp Desktop (Mac)</translation>
    </message>
    <message>
        <source>Give the key at import: CHATSAFE_WHATSAPP_KEY, or --whatsapp-key FILE, or the key file (encrypted_backup.key) in the folder. Older crypt14 backups need the phone's 'key' file.</source>
        <translation>Geef de sleutel bij het importeren: CHATSAFE_WHATSAPP_KEY, of --whatsapp-key BESTAND, of het sleutelbestand (encrypted_backup.key) in de map. Oudere crypt14-back-ups hebben het bestand 'key' van de telefoon nodig.</translation>
    </message>
    <message>
        <source>Back up to the phone. Copy Android/media/com.whatsapp/WhatsApp/ (Databases/ and Media/) from the phone to the laptop.</source>
        <translation>Maak de back-up op de telefoon. Kopieer Android/media/com.whatsapp/WhatsApp/ (Databases/ en Media/) van de telefoon naar de laptop.</translation>
    </message>
    <message>
        <source>In WhatsApp: Settings &gt; Chats &gt; Chat backup &gt; End-to-end encrypted backup: turn it on with a 64-digit key (not a password: a password needs WhatsApp's servers and cannot be used offline). Write the 64 digits down.</source>
        <translation>In WhatsApp: Instellingen &gt; Chats &gt; Chatback-up &gt; End-to-end versleutelde back-up: zet die aan met een 64-cijferige sleutel (geen wachtwoord: een wachtwoord heeft de servers van WhatsApp nodig en werkt niet offline). Schrijf de 64 cijfers op.</translation>
    </message>
    <message>
        <source>the WhatsApp folder and the 64-digit end-to-end backup key</source>
        <translation>de WhatsApp-map en de 64-cijferige end-to-end-back-upsleutel</translation>
    </message>
    <message>
        <source>Android WhatsApp</source>
        <translation>WhatsApp op Android</translation>
    </message>
    <message>
        <source>WhatsApp and Messages (iMessage, SMS) come from the backup. Signal keeps its messages out of iPhone backups: bring Signal Desktop (below).</source>
        <translation>WhatsApp en Berichten (iMessage, sms) komen uit de back-up. Signal houdt zijn berichten buiten iPhone-back-ups: neem Signal Desktop mee (zie onder).</translation>
    </message>
    <message>
        <source>The password is asked for at import (or CHATSAFE_BACKUP_PASSWORD); never put it on the command line.</source>
        <translation>Bij het importeren wordt om het wachtwoord gevraagd (of CHATSAFE_BACKUP_PASSWORD); zet het nooit op de opdrachtregel.</translation>
    </message>
    <message>
        <source>Back up now. Import the backup folder (MobileSync/Backup/&lt;device id&gt;) as it is.</source>
        <translation>Maak nu de back-up. Importeer de back-upmap (MobileSync/Backup/&lt;apparaat-id&gt;) zoals die is.</translation>
    </message>
    <message>
        <source>Choose 'Encrypt local backup' and set a password; an encrypted backup also holds data an unencrypted one leaves out. Write the password down for the import.</source>
        <translation>Kies 'Versleutel lokale reservekopie' en stel een wachtwoord in; een versleutelde back-up bevat ook gegevens die een onversleutelde weglaat. Schrijf het wachtwoord op voor het importeren.</translation>
    </message>
    <message>
        <source>Connect the iPhone to a Mac (Finder) or Windows PC (Apple Devices / iTunes).</source>
        <translation>Sluit de iPhone aan op een Mac (Finder) of Windows-pc (Apple Apparaten / iTunes).</translation>
    </message>
    <message>
        <source>an encrypted Finder/iTunes backup and its backup password</source>
        <translation>een versleutelde Finder/iTunes-back-up en het wachtwoord daarvan</translation>
    </message>
    <message>
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>working</source>
        <translation>bezig</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>berichten</translation>
    </message>
    <message>
        <source>signing</source>
        <translation>ondertekenen</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>metagegevens</translation>
    </message>
    <message>
        <source>conversations</source>
        <translation>gesprekken</translation>
    </message>
    <message>
        <source>indexing</source>
        <translation>index bijwerken</translation>
    </message>
    <message>
        <source>storing</source>
        <translation>opslaan</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>lezen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln RSMF file(s)</source>
        <translation><numerusform>%Ln RSMF-bestand</numerusform><numerusform>%Ln RSMF-bestanden</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln business message(s)</source>
        <translation><numerusform>%Ln zakelijk bericht</numerusform><numerusform>%Ln zakelijke berichten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln system notice(s)</source>
        <translation><numerusform>%Ln systeemmelding</numerusform><numerusform>%Ln systeemmeldingen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation><numerusform>%Ln bestand</numerusform><numerusform>%Ln bestanden</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation><numerusform>%Ln item</numerusform><numerusform>%Ln items</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln attachment(s)</source>
        <translation><numerusform>%Ln bijlage</numerusform><numerusform>%Ln bijlagen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln conversation(s)</source>
        <translation><numerusform>%Ln gesprek</numerusform><numerusform>%Ln gesprekken</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation><numerusform>%Ln bericht</numerusform><numerusform>%Ln berichten</numerusform></translation>
    </message>
</context>
<context>
    <name>EmptyCaseHint</name>
    <message>
        <source>Import a folder…</source>
        <translation>Importeer een map…</translation>
    </message>
    <message>
        <source>Import an export…</source>
        <translation>Importeer een export…</translation>
    </message>
    <message>
        <source>Import an export of the phone's chats: on the phone choose “Export chat” (WhatsApp) or the app's backup, copy the file to this computer, then click Import or drop the file on this window. Nothing leaves the computer.</source>
        <translation>Importeer een export van de chats op de telefoon: kies op de telefoon “Chat exporteren” (WhatsApp) of de back-up van de app, zet het bestand op deze computer en klik op Importeren, of sleep het bestand naar dit venster. Er gaat niets van de computer af.</translation>
    </message>
    <message>
        <source>This case is still empty</source>
        <translation>Deze zaak is nog leeg</translation>
    </message>
</context>
<context>
    <name>AppNames</name>
    <message>
        <source>Matrix / Tchap</source>
        <translation>Matrix / Tchap</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>iMessage and SMS (Apple)</source>
        <translation>iMessage en sms (Apple)</translation>
    </message>
    <message>
        <source>SMS (Android)</source>
        <translation>Sms (Android)</translation>
    </message>
    <message>
        <source>Signal Desktop</source>
        <translation>Signal Desktop</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>iPhone backup</source>
        <translation>iPhone-back-up</translation>
    </message>
    <message>
        <source>WhatsApp (iPhone or Mac database)</source>
        <translation>WhatsApp (iPhone- of Mac-database)</translation>
    </message>
    <message>
        <source>WhatsApp (Android database)</source>
        <translation>WhatsApp (Android-database)</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Someone asked about a message or a whole conversation: answer it (Shift+D) before the bundle.</source>
        <translation>Iemand heeft een vraag over een bericht of een heel gesprek: beantwoord die (Shift+D) voordat het pakket gemaakt wordt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 open doubt(s)</source>
        <translation><numerusform>%1 open twijfel</numerusform><numerusform>%1 open twijfels</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 not confirmed by the minister yet</source>
        <translation><numerusform>%1 nog niet bevestigd door de minister</numerusform><numerusform>%1 nog niet bevestigd door de minister</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 not reviewed yet</source>
        <translation><numerusform>%1 nog niet beoordeeld</numerusform><numerusform>%1 nog niet beoordeeld</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 stay(s) behind: outside the period</source>
        <translation><numerusform>%1 blijft achter: buiten de periode</numerusform><numerusform>%1 blijven achter: buiten de periode</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 stay(s) behind: party-political</source>
        <translation><numerusform>%1 blijft achter: partijpolitiek</numerusform><numerusform>%1 blijven achter: partijpolitiek</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 stay(s) behind: private</source>
        <translation><numerusform>%1 blijft achter: privé</numerusform><numerusform>%1 blijven achter: privé</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 message(s) go to the archive</source>
        <translation><numerusform>%1 bericht gaat naar het archief</numerusform><numerusform>%1 berichten gaan naar het archief</numerusform></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Bezig met tellen…</translation>
    </message>
    <message>
        <source>What will leave, per conversation</source>
        <translation>Wat gaat naar het archief, per gesprek</translation>
    </message>
    <message>
        <source>Unmarked messages are business and go to the archive. Click a conversation to open it.</source>
        <translation>Berichten zonder markering zijn zakelijk en gaan naar het archief. Klik op een gesprek om het te openen.</translation>
    </message>
    <message>
        <source>Back to the conversations (Esc)</source>
        <translation>Terug naar de gesprekken (Esc)</translation>
    </message>
    <message>
        <source>Back to the review</source>
        <translation>Terug naar de beoordeling</translation>
    </message>
    <message>
        <source>What will leave</source>
        <translation>Wat gaat naar het archief</translation>
    </message>
    <message>
        <source>Click or press Enter to open this conversation</source>
        <translation>Klik of druk op Enter om dit gesprek te openen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>No in-scope period is set: every message counts.</source>
        <translation>Er is geen periode ingesteld: elk bericht telt mee.</translation>
    </message>
    <message>
        <source>In-scope period: until %1, no start date.</source>
        <translation>Periode: tot en met %1, zonder begindatum.</translation>
    </message>
    <message>
        <source>In-scope period: from %1, no end date.</source>
        <translation>Periode: vanaf %1, zonder einddatum.</translation>
    </message>
    <message>
        <source>In-scope period: from %1 to %2.</source>
        <translation>Periode: van %1 tot en met %2.</translation>
    </message>
    <message>
        <source>The in-scope period is the time the archive asks for (usually the term of office); messages sent outside it are not part of this transfer.</source>
        <translation>De periode is de tijd waarover het archief de berichten vraagt (meestal de ambtstermijn); berichten van daarbuiten horen niet bij deze overdracht.</translation>
    </message>
    <message>
        <source>Proposals or conversations the minister has not confirmed yet.</source>
        <translation>Voorstellen of gesprekken die de minister nog niet heeft bevestigd.</translation>
    </message>
    <message>
        <source>Not confirmed
yet</source>
        <translation>Nog niet
bevestigd</translation>
    </message>
    <message>
        <source>Nobody has looked at these yet. Unmarked messages count as business.</source>
        <translation>Hier heeft nog niemand naar gekeken. Berichten zonder markering tellen als zakelijk.</translation>
    </message>
    <message>
        <source>Not reviewed
yet</source>
        <translation>Nog niet
beoordeeld</translation>
    </message>
    <message>
        <source>In doubt</source>
        <translation>Twijfel</translation>
    </message>
    <message>
        <source>Sent before or after the in-scope period: they never leave.</source>
        <translation>Verstuurd voor of na de periode die het archief vraagt: deze gaan niet mee.</translation>
    </message>
    <message>
        <source>Stays behind:
outside the period</source>
        <translation>Blijft achter:
buiten de periode</translation>
    </message>
    <message>
        <source>Marked party-political: they never leave.</source>
        <translation>Gemarkeerd als partijpolitiek: deze gaan nooit mee.</translation>
    </message>
    <message>
        <source>Stays behind:
party-political</source>
        <translation>Blijft achter:
partijpolitiek</translation>
    </message>
    <message>
        <source>Marked private: they never leave.</source>
        <translation>Gemarkeerd als privé: deze gaan nooit mee.</translation>
    </message>
    <message>
        <source>Stays behind:
private</source>
        <translation>Blijft achter:
privé</translation>
    </message>
    <message>
        <source>Business messages in the period: they leave with the bundle.</source>
        <translation>Zakelijke berichten binnen de periode: ze gaan mee in de bundel naar het archief.</translation>
    </message>
    <message>
        <source>Goes to
the archive</source>
        <translation>Gaat naar
het archief</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <source>%1 shown; scroll down for more.</source>
        <translation>%1 getoond; scroll omlaag voor meer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 hit(s) for “%2”</source>
        <translation><numerusform>%1 treffer voor ‘%2’</numerusform><numerusform>%1 treffers voor ‘%2’</numerusform></translation>
    </message>
</context>
<context>
    <name>DoubtDialog</name>
    <message>
        <source>Ask:</source>
        <translation>Vraag aan:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Vraag:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Raise doubt</source>
        <translation>Twijfel melden</translation>
    </message>
    <message>
        <source>The bundle cannot be made until the doubt is answered. The question stays in the case.</source>
        <translation>Het pakket kan pas gemaakt worden als de twijfel beantwoord is. De vraag blijft in de zaak.</translation>
    </message>
    <message>
        <source>the records officer</source>
        <translation>de informatiebeheerder</translation>
    </message>
    <message>
        <source>the minister</source>
        <translation>de minister</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Vraag aan</translation>
    </message>
    <message>
        <source>e.g. 'Is this about the party congress?'</source>
        <translation>bijv. 'Gaat dit over het partijcongres?'</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>In doubt: %1</source>
        <translation>Twijfel over: %1</translation>
    </message>
    <message>
        <source>Raise a doubt</source>
        <translation>Twijfel melden</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>the records officer</source>
        <translation>de informatiebeheerder</translation>
    </message>
    <message>
        <source>the minister</source>
        <translation>de minister</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Withdraw the question</source>
        <translation>Vraag intrekken</translation>
    </message>
    <message>
        <source>%1 asks %2 about %3:</source>
        <translation>%1 vraagt %2 over %3:</translation>
    </message>
    <message>
        <source>Answer a doubt</source>
        <translation>Twijfel beantwoorden</translation>
    </message>
</context>
<context>
    <name>DoubtController</name>
    <message>
        <source>Doubt answered: %1. Ctrl+Z undoes it.</source>
        <translation>Twijfel beantwoord: %1. Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>answer a doubt: %1</source>
        <translation>twijfel beantwoorden: %1</translation>
    </message>
    <message>
        <source>Doubt withdrawn. Ctrl+Z undoes it.</source>
        <translation>Twijfel ingetrokken. Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>withdraw a doubt</source>
        <translation>twijfel intrekken</translation>
    </message>
    <message>
        <source>this message</source>
        <translation>dit bericht</translation>
    </message>
    <message>
        <source>Nothing selected is in doubt. N goes to the next doubt.</source>
        <translation>Over de selectie is geen twijfel gemeld. N gaat naar de volgende twijfel.</translation>
    </message>
    <message>
        <source>Doubt raised: the bundle waits until it is answered. Ctrl+Z undoes it.</source>
        <translation>Twijfel gemeld: het pakket wacht tot er een antwoord is. Ctrl+Z maakt het ongedaan.</translation>
    </message>
    <message>
        <source>raise a doubt</source>
        <translation>twijfel melden</translation>
    </message>
    <message>
        <source>the whole conversation &quot;%1&quot;</source>
        <translation>het hele gesprek &quot;%1&quot;</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation><numerusform>%Ln bericht</numerusform><numerusform>%Ln berichten</numerusform></translation>
    </message>
</context>
</TS>
