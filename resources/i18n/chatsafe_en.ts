<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Actions</name>
    <message>
        <source>Go to the next proposed mark or open doubt (Shift+N: previous)</source>
        <translation>Go to the next proposed mark or open doubt (Shift+N: previous)</translation>
    </message>
    <message>
        <source>Answer the selected doubt: private, party-political or business</source>
        <translation>Answer the selected doubt: private, party-political or business</translation>
    </message>
    <message>
        <source>&amp;Answer doubt…</source>
        <translation>&amp;Answer doubt…</translation>
    </message>
    <message>
        <source>Ask the minister or the records officer about the selection (blocks the bundle until answered)</source>
        <translation>Ask the minister or the records officer about the selection (blocks the bundle until answered)</translation>
    </message>
    <message>
        <source>&amp;Doubt…</source>
        <translation>&amp;Doubt…</translation>
    </message>
    <message>
        <source>A page with what goes to the archive and what stays behind, per conversation</source>
        <translation>A page with what goes to the archive and what stays behind, per conversation</translation>
    </message>
    <message>
        <source>&amp;What will leave</source>
        <translation>&amp;What will leave</translation>
    </message>
    <message>
        <source>Import with options for IT support: format, text encoding, key files, country, year</source>
        <translation>Import with options for IT support: format, text encoding, key files, country, year</translation>
    </message>
    <message>
        <source>Import with &amp;options…</source>
        <translation>Import with &amp;options…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="126" />
        <source>Switch &amp;role…</source>
        <translation>Switch &amp;role…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="128" />
        <source>Review under another name or role without closing the case</source>
        <translation>Review under another name or role without closing the case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="118" />
        <source>Case se&amp;ttings…</source>
        <translation>Case se&amp;ttings…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="120" />
        <source>Organisation, appraisal, retention, information category and more</source>
        <translation>Organisation, appraisal, retention, information category and more</translation>
    </message>
    <message>
        <source>Previous proposal</source>
        <translation>Previous proposal</translation>
    </message>
    <message>
        <source>Next &amp;proposal</source>
        <translation>Next &amp;proposal</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="45" />
        <source>&amp;New case…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="51" />
        <source>&amp;Open case…</source>
        <translation>&amp;Open case…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="57" />
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="66" />
        <source>Import a &amp;folder…</source>
        <translation>Import a &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="69" />
        <source>Import an export that is a folder (Telegram, Signal, iMessage)</source>
        <translation>Import an export that is a folder (Telegram, Signal, iMessage)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="59" />
        <source>Import chat exports (files or folders; you can also drop them on the window)</source>
        <translation>Import chat exports (files or folders; you can also drop them on the window)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="65" />
        <source>&amp;Close case</source>
        <translation>&amp;Close case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="66" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="69" />
        <source>Mark &amp;private</source>
        <translation>Mark &amp;private</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="71" />
        <source>Mark the selection private</source>
        <translation>Mark the selection private</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="76" />
        <source>Mark p&amp;arty-political</source>
        <translation>Mark p&amp;arty-political</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="78" />
        <source>Mark the selection party-political</source>
        <translation>Mark the selection party-political</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="83" />
        <source>C&amp;lear mark</source>
        <translation>C&amp;lear mark</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="85" />
        <source>Remove the mark from the selection (back to business, the default)</source>
        <translation>Remove the mark from the selection (back to business, the default)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="90" />
        <source>Mark with a &amp;reason…</source>
        <translation>Mark with a &amp;reason…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="93" />
        <source>&amp;Confirm</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="95" />
        <source>Confirm this conversation (minister) or record it as reviewed</source>
        <translation>Confirm this conversation (minister) or record it as reviewed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="99" />
        <source>Summary and confirm &amp;all…</source>
        <translation>Summary and confirm &amp;all…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="104" />
        <source>Contact &amp;rules…</source>
        <translation>Contact &amp;rules…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="105" />
        <source>&amp;Lexicon…</source>
        <translation>&amp;Lexicon…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="106" />
        <source>In-scope &amp;period…</source>
        <translation>In-scope &amp;period…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="109" />
        <source>Create &amp;bundle…</source>
        <translation>Create &amp;bundle…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="111" />
        <source>Create the business-only bundle for the archive</source>
        <translation>Create the business-only bundle for the archive</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="114" />
        <source>&amp;Next message</source>
        <translation>&amp;Next message</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="115" />
        <source>P&amp;revious message</source>
        <translation>P&amp;revious message</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="117" />
        <source>Next con&amp;versation</source>
        <translation>Next con&amp;versation</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="121" />
        <source>Previous conver&amp;sation</source>
        <translation>Previous conver&amp;sation</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="126" />
        <source>&amp;Search…</source>
        <translation>&amp;Search…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="128" />
        <source>Search all messages of the case</source>
        <translation>Search all messages of the case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="130" />
        <source>Check the review &amp;log</source>
        <translation>Check the review &amp;log</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/actions.py" line="131" />
        <source>&amp;About chatsafe</source>
        <translation>&amp;About chatsafe</translation>
    </message>
    <message>
        <source>Export for &amp;Woo (RSMF)…</source>
        <translation>Export for &amp;Woo (RSMF)…</translation>
    </message>
    <message>
        <source>Write what the bundle carries as RSMF files for review platforms</source>
        <translation>Write what the bundle carries as RSMF files for review platforms</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message numerus="yes">
        <source>Cannot bundle or approve yet: %Ln open doubt(s) in {c} conversation(s). Answer them first (conversation filter: With doubts; N goes to the next).</source>
        <translation><numerusform>Cannot bundle or approve yet: %Ln open doubt(s) in {c} conversation(s). Answer them first (conversation filter: With doubts; N goes to the next).</numerusform><numerusform>Cannot bundle or approve yet: %Ln open doubt(s) in {c} conversation(s). Answer them first (conversation filter: With doubts; N goes to the next).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln review-log entry(s) carry(ies) a written reason: only a keyed commitment to it travels, never the reason.</source>
        <translation><numerusform>%Ln review-log entry carries a written reason: only a keyed commitment to it travels, never the reason.</numerusform><numerusform>%Ln review-log entries carry a written reason: only a keyed commitment to it travels, never the reason.</numerusform></translation>
    </message>
    <message>
        <source>Possibly cut by WhatsApp's export limit: {n}. Export again without media or use the phone backup route.</source>
        <translation>Possibly cut by WhatsApp's export limit: {n}. Export again without media or use the phone backup route.</translation>
    </message>
    <message>
        <source>Choose file</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>Save bundle</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Completeness (whole case): deleted-message markers: {d}; view-once messages: {v}; attachments missing from the export: {a}; disappearing-message notices: {m}. The bundle's completeness report (chatsafe-completeness.json) lists them per conversation.</source>
        <translation>Completeness (whole case): deleted-message markers: {d}; view-once messages: {v}; attachments missing from the export: {a}; disappearing-message notices: {m}. The bundle's completeness report (chatsafe-completeness.json) lists them per conversation.</translation>
    </message>
    <message>
        <source>Bundle written to {path}: {c}, {n}, {a}; signed by {s}.</source>
        <translation>Bundle written to {path}: {c}, {n}, {a}; signed by {s}.</translation>
    </message>
    <message>
        <source>Will leave: {n} (with {e}).</source>
        <translation>Will leave: {n} (with {e}).</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="97" />
        <source>Open the case settings…</source>
        <translation>Open the case settings…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="284" />
        <source>Cannot bundle yet: these case settings are missing: {s}. IT support fills them in under Case settings.</source>
        <translation>Cannot bundle yet: these case settings are missing: {s}. IT support fills them in under Case settings.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="103" />
        <source>Create the bundle for the archive</source>
        <translation>Create the bundle for the archive</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="113" />
        <source>Counting what will leave…</source>
        <translation>Counting what will leave…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="117" />
        <source>Confirmation by the minister</source>
        <translation>Confirmation by the minister</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="122" />
        <source>I, {name}, confirm that the business messages above may leave for the archive, and nothing else.</source>
        <translation>I, {name}, confirm that the business messages above may leave for the archive, and nothing else.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="127" />
        <source>Approve without making the bundle</source>
        <translation>Approve without making the bundle</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="138" />
        <source>Signing certificate (IT support)</source>
        <translation>Signing certificate (IT support)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="146" />
        <source>PKCS#12 file</source>
        <translation>PKCS#12 file</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="146" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="149" />
        <source>PEM key and certificate</source>
        <translation>PEM key and certificate</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="150" />
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="150" />
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="154" />
        <source>Smartcard (PKCS#11)</source>
        <translation>Smartcard (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="155" />
        <source>PKCS#11 library</source>
        <translation>PKCS#11 library</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="155" />
        <source>Token label</source>
        <translation>Token label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="182" />
        <source>Passphrase or PIN</source>
        <translation>Passphrase or PIN</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="185" />
        <source>Save bundle as</source>
        <translation>Save bundle as</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="187" />
        <source>Replaces an earlier bundle (optional)</source>
        <translation>Replaces an earlier bundle (optional)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="186" />
        <source>Only to withdraw messages afterwards</source>
        <translation>Only to withdraw messages afterwards</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="189" />
        <source>Include the written reasons for withheld messages (they may describe private matters)</source>
        <translation>Include the written reasons for withheld messages (they may describe private matters)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="203" />
        <source>Create bundle</source>
        <translation>Create bundle</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="206" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="229" />
        <source>Withheld: {p} private, {pp} party-political, {o} outside the period.</source>
        <translation>Withheld: {p} private, {pp} party-political, {o} outside the period.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="232" />
        <source>Still unreviewed: {u}; unconfirmed: {c}.</source>
        <translation>Still unreviewed: {u}; unconfirmed: {c}.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="266" />
        <source>The approval ({who}) is void: what would leave changed after it. The minister must approve again.</source>
        <translation>The approval ({who}) is void: what would leave changed after it. The minister must approve again.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="266" />
        <source>Approved by {who} (signed) at {at}.</source>
        <translation>Approved by {who} (signed) at {at}.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="266" />
        <source>Claimed by {who}, not signed, at {at}.</source>
        <translation>Claimed by {who}, not signed, at {at}.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="259" />
        <source>Not approved yet: the minister must open this step and approve, or make the bundle.</source>
        <translation>Not approved yet: the minister must open this step and approve, or make the bundle.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="316" />
        <source>Your approval is recorded in the review log. IT support can now make the bundle.</source>
        <translation>Your approval is recorded in the review log. IT support can now make the bundle.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="354" />
        <source>Making the bundle…</source>
        <translation>Making the bundle…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="362" />
        <source>Making the bundle: {phase}</source>
        <translation>Making the bundle: {phase}</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="379" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="398" />
        <source>Cancelling… no file will be written.</source>
        <translation>Cancelling… no file will be written.</translation>
    </message>
    <message>
        <source>The bundle was cancelled; no file was written.</source>
        <translation>The bundle was cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>ConversationFilterBar</name>
    <message>
        <source>With doubts</source>
        <translation>With doubts</translation>
    </message>
    <message>
        <source>By app</source>
        <translation>By app</translation>
    </message>
    <message>
        <source>By review state</source>
        <translation>By review state</translation>
    </message>
    <message>
        <source>Most messages</source>
        <translation>Most messages</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>By title</translation>
    </message>
    <message>
        <source>In import order</source>
        <translation>In import order</translation>
    </message>
    <message>
        <source>Sort conversations</source>
        <translation>Sort conversations</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="55" />
        <location filename="../../chatsafe/gui/panes.py" line="56" />
        <source>Filter by title or participant</source>
        <translation>Filter by title or participant</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="59" />
        <source>Filter by app</source>
        <translation>Filter by app</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="61" />
        <source>Filter by label</source>
        <translation>Filter by label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="63" />
        <source>All labels</source>
        <translation>All labels</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="67" />
        <source>With marked messages</source>
        <translation>With marked messages</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="71" />
        <source>Filter by review state</source>
        <translation>Filter by review state</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="73" />
        <source>Any review state</source>
        <translation>Any review state</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="74" />
        <source>Not reviewed</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="75" />
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="76" />
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="77" />
        <source>With proposals</source>
        <translation>With proposals</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="98" />
        <source>All apps</source>
        <translation>All apps</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message numerus="yes">
        <source>%Ln in doubt</source>
        <translation><numerusform>%Ln in doubt</numerusform><numerusform>%Ln in doubt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 message(s)</source>
        <translation><numerusform>%1 message</numerusform><numerusform>%1 messages</numerusform></translation>
    </message>
    <message>
        <source>%1 (proposed)</source>
        <translation>%1 (proposed)</translation>
    </message>
    <message>
        <source>inside: %1</source>
        <translation>inside: %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="109" />
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="110" />
        <source>Party-political</source>
        <translation>Party-political</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="111" />
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="112" />
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="113" />
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="114" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="115" />
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="116" />
        <source>Marked inside</source>
        <translation>Marked inside</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="117" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/conversation_model.py" line="171" />
        <source>%Ln private</source>
        <translation><numerusform>%Ln private</numerusform><numerusform>%Ln private</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/conversation_model.py" line="173" />
        <source>%Ln party-political</source>
        <translation><numerusform>%Ln party-political</numerusform><numerusform>%Ln party-political</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="181" />
        <source>Confirmed by %1</source>
        <translation>Confirmed by %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="183" />
        <source>Reviewed by %1</source>
        <translation>Reviewed by %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="185" />
        <source>Not reviewed</source>
        <translation>Not reviewed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/conversation_model.py" line="187" />
        <source>%Ln proposed</source>
        <translation><numerusform>%Ln proposed</numerusform><numerusform>%Ln proposed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/conversation_model.py" line="190" />
        <source>%Ln new, unreviewed</source>
        <translation><numerusform>%Ln new, unreviewed</numerusform><numerusform>%Ln new, unreviewed</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="192" />
        <source>proposed</source>
        <translation>proposed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="192" />
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/conversation_model.py" line="197" />
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>DateFilterBar</name>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="112" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="113" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="117" />
        <source>Show messages from this date</source>
        <translation>Show messages from this date</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="118" />
        <source>Show messages up to this date</source>
        <translation>Show messages up to this date</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="145" />
        <source>In-scope period: %1 – %2</source>
        <translation>In-scope period: %1 – %2</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="150" />
        <source>No in-scope period set</source>
        <translation>No in-scope period set</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Answer it with Shift+D; the bundle waits until then.</source>
        <translation>Answer it with Shift+D; the bundle waits until then.</translation>
    </message>
    <message>
        <source>In doubt: %1 asks %2</source>
        <translation>In doubt: %1 asks %2</translation>
    </message>
    <message>
        <source>the records officer</source>
        <translation>the records officer</translation>
    </message>
    <message>
        <source>the minister</source>
        <translation>the minister</translation>
    </message>
    <message>
        <source>In doubt</source>
        <translation>In doubt</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Select a conversation or a message.</source>
        <translation>Select a conversation or a message.</translation>
    </message>
    <message>
        <source>System event</source>
        <translation>System event</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="53" />
        <source>Details of the selection</source>
        <translation>Details of the selection</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="56" />
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="82" />
        <location filename="../../chatsafe/gui/details.py" line="83" />
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="131" />
        <source>(from the conversation's mark)</source>
        <translation>(from the conversation's mark)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="133" />
        <source>(the default)</source>
        <translation>(the default)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="135" />
        <source>(proposed by %1)</source>
        <translation>(proposed by %1)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="137" />
        <source>(confirmed by %1)</source>
        <translation>(confirmed by %1)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="145" />
        <source>present</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="145" />
        <source>missing from the export</source>
        <translation>missing from the export</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="164" />
        <source>(proposed)</source>
        <translation>(proposed)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="1" />
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="1" />
        <source>WhatsApp export</source>
        <translation>WhatsApp export</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="1" />
        <source>WhatsApp database (Android)</source>
        <translation>WhatsApp database (Android)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="1" />
        <source>WhatsApp database (iPhone/Mac)</source>
        <translation>WhatsApp database (iPhone/Mac)</translation>
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
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="41" />
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="41" />
        <source>Party</source>
        <translation>Party</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="113" />
        <source>Who is reviewing?</source>
        <translation>Who is reviewing?</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="115" />
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="117" />
        <source>Your role</source>
        <translation>Your role</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="125" />
        <source>Every mark you make is recorded in the case's review log under your name and role.</source>
        <translation>Every mark you make is recorded in the case's review log under your name and role.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="131" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="132" />
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="141" />
        <source>Please give your name.</source>
        <translation>Please give your name.</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../chatsafe/gui/details.py" line="34" />
        <source>Image viewer</source>
        <translation>Image viewer</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="43" />
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="43" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="44" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="45" />
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="55" />
        <source>Cancelling… nothing will be kept.</source>
        <translation>Cancelling… nothing will be kept.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="59" />
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="60" />
        <source>Storing</source>
        <translation>Storing</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="61" />
        <source>Indexing</source>
        <translation>Indexing</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="100" />
        <source>The import was cancelled. Nothing was added to the case.</source>
        <translation>The import was cancelled. Nothing was added to the case.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/import_flow.py" line="101" />
        <source>Nothing was added to the case.</source>
        <translation>Nothing was added to the case.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../chatsafe/gui/style.py" line="28" />
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/style.py" line="29" />
        <source>Party-political</source>
        <translation>Party-political</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/style.py" line="30" />
        <source>Business</source>
        <translation>Business</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>amber: open doubt, the bundle waits (Shift+D answers)</source>
        <translation>amber: open doubt, the bundle waits (Shift+D answers)</translation>
    </message>
    <message>
        <source>outlined: proposal</source>
        <translation>outlined: proposal</translation>
    </message>
    <message>
        <source>dashed: suggestion</source>
        <translation>dashed: suggestion</translation>
    </message>
    <message>
        <source>dashed: lexicon suggestion, nobody decided</source>
        <translation>dashed: lexicon suggestion, nobody decided</translation>
    </message>
    <message>
        <source>outlined: proposal, not confirmed yet</source>
        <translation>outlined: proposal, not confirmed yet</translation>
    </message>
    <message>
        <source>filled: confirmed</source>
        <translation>filled: confirmed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="32" />
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="37" />
        <source>(leaves)</source>
        <translation>(leaves)</translation>
    </message>
</context>
<context>
    <name>LexiconDialog</name>
    <message>
        <source>Term removed: its suggestions are gone.</source>
        <translation>Term removed: its suggestions are gone.</translation>
    </message>
    <message numerus="yes">
        <source>Term added: it occurs in %Ln conversation(s), which now show a suggestion.</source>
        <translation><numerusform>Term added: it occurs in %Ln conversation, which now shows a suggestion.</numerusform><numerusform>Term added: it occurs in %Ln conversations, which now show a suggestion.</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="204" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="209" />
        <source>Lexicon</source>
        <translation>Lexicon</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="207" />
        <source>Lexicon terms</source>
        <translation>Lexicon terms</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="209" />
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="209" />
        <source>Suggests</source>
        <translation>Suggests</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="215" />
        <source>New term</source>
        <translation>New term</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="217" />
        <source>a word; end with * to match words that start with it</source>
        <translation>a word; end with * to match words that start with it</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="220" />
        <source>Suggested label</source>
        <translation>Suggested label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="223" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="224" />
        <source>Add term</source>
        <translation>Add term</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="226" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="227" />
        <source>Remove selected term</source>
        <translation>Remove selected term</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="231" />
        <source>Words from the lexicon are underlined in the transcript and suggest a label (an outlined icon). A suggestion never becomes a mark until someone clicks.</source>
        <translation>Words from the lexicon are underlined in the transcript and suggest a label (an outlined icon). A suggestion never becomes a mark until someone clicks.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="242" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Doubt %1 of %2</source>
        <translation>Doubt %1 of %2</translation>
    </message>
    <message>
        <source>This is the demo case; its passphrase is: %1</source>
        <translation>This is the demo case; its passphrase is: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s) found, the first at entry %1. The details are in the log.</source>
        <translation><numerusform>%Ln problem found, at entry %1. The details are in the log.</numerusform><numerusform>%Ln problems found, the first at entry %1. The details are in the log.</numerusform></translation>
    </message>
    <message>
        <source>the whole conversation &quot;%1&quot; (%2)</source>
        <translation>the whole conversation &quot;%1&quot; (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln new message(s) (%1 already in the case).</source>
        <translation><numerusform>Imported %Ln new message (%1 already in the case).</numerusform><numerusform>Imported %Ln new messages (%1 already in the case).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) will leave · %1 unreviewed · %2 unconfirmed</source>
        <translation><numerusform>%Ln message will leave · %1 unreviewed · %2 unconfirmed</numerusform><numerusform>%Ln messages will leave · %1 unreviewed · %2 unconfirmed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln open doubt(s)</source>
        <translation><numerusform>%Ln open doubt</numerusform><numerusform>%Ln open doubts</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/main_window.py" line="830" />
        <source>Marked %Ln message(s) as %1. Ctrl+Z undoes it.</source>
        <translation><numerusform>Marked %Ln message as %1. Ctrl+Z undoes it.</numerusform><numerusform>Marked %Ln messages as %1. Ctrl+Z undoes it.</numerusform></translation>
    </message>
    <message>
        <source>Proposal %1 of %2</source>
        <translation>Proposal %1 of %2</translation>
    </message>
    <message>
        <source>No proposals left to confirm.</source>
        <translation>No proposals left to confirm.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="400" />
        <source>You now review as {name}.</source>
        <translation>You now review as {name}.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>mark a conversation as %1</source>
        <translation>mark a conversation as %1</translation>
    </message>
    <message numerus="yes">
        <source>mark %Ln message(s) as %1</source>
        <translation>
            <numerusform>mark %Ln message as %1</numerusform>
            <numerusform>mark %Ln messages as %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked %1 as %2.</source>
        <translation>Marked %1 as %2.</translation>
    </message>
    <message>
        <source>Mark the whole conversation</source>
        <translation>Mark the whole conversation</translation>
    </message>
    <message>
        <source>Mark %1 as %2?</source>
        <translation>Mark %1 as %2?</translation>
    </message>
    <message>
        <source>business (no mark)</source>
        <translation>business (no mark)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="29" />
        <source>Open case</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="31" />
        <source>chatsafe cases (*.chatsafe);;All files (*)</source>
        <translation>chatsafe cases (*.chatsafe);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="48" />
        <source>That passphrase does not unlock this case. Try again.</source>
        <translation>That passphrase does not unlock this case. Try again.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="59" />
        <source>Cannot open the case</source>
        <translation>Cannot open the case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="60" />
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/case_ops.py" line="100" />
        <source>Cannot create the case</source>
        <translation>Cannot create the case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="68" />
        <source>&amp;Case</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="76" />
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="86" />
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="95" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="98" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="106" />
        <source>Search the case (Ctrl+F)</source>
        <translation>Search the case (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="107" />
        <source>Search the case</source>
        <translation>Search the case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="125" />
        <location filename="../../chatsafe/gui/main_window.py" line="144" />
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="138" />
        <location filename="../../chatsafe/gui/main_window.py" line="145" />
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="143" />
        <source>Conversations and search results</source>
        <translation>Conversations and search results</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="148" />
        <source>Transcript</source>
        <translation>Transcript</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="184" />
        <source>What will leave</source>
        <translation>What will leave</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="227" />
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="245" />
        <source>Creating a bundle is not available in this version</source>
        <translation>Creating a bundle is not available in this version</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="275" />
        <source>assistant</source>
        <translation>assistant</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="276" />
        <source>minister</source>
        <translation>minister</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="277" />
        <source>IT support</source>
        <translation>IT support</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="346" />
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="519" />
        <source>Import chat exports</source>
        <translation>Import chat exports</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="522" />
        <source>Chat exports (*.txt *.zip *.json *.xml *.db *.mbox *.eml *.md);;All files (*)</source>
        <translation>Chat exports (*.txt *.zip *.json *.xml *.db *.mbox *.eml *.md);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="529" />
        <source>Import a folder</source>
        <translation>Import a folder</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="548" />
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="550" />
        <source>Your name as it appears in the exports (optional; it tells your messages apart):</source>
        <translation>Your name as it appears in the exports (optional; it tells your messages apart):</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="572" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/main_window.py" line="610" />
        <source>%1 of %2 entries read were not imported; the import report lists them.</source>
        <translation>%1 of %2 entries read were not imported; the import report lists them.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="251" />
        <source>Warning: the review log of this case has been altered. Marks may have been changed outside chatsafe. Tell IT support before you continue.</source>
        <translation>Warning: the review log of this case has been altered. Marks may have been changed outside chatsafe. Tell IT support before you continue.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="259" />
        <source>Review log altered</source>
        <translation>Review log altered</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="267" />
        <source>Review log</source>
        <translation>Review log</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="268" />
        <source>The review log is complete and unaltered.</source>
        <translation>The review log is complete and unaltered.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="283" />
        <source>About chatsafe</source>
        <translation>About chatsafe</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_ops.py" line="284" />
        <source>chatsafe %1: separate business messages from private and party-political ones, and hand the business record to the archive.</source>
        <translation>chatsafe %1: separate business messages from private and party-political ones, and hand the business record to the archive.</translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation>Cannot open the demo</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <source>in doubt</source>
        <translation>in doubt</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="290" />
        <source>Click to take this message's mark away</source>
        <translation>Click to take this message's mark away</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="292" />
        <source>Click to mark this message as business (it leaves for the archive)</source>
        <translation>Click to mark this message as business (it leaves for the archive)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="293" />
        <source>Click to mark this message as %1</source>
        <translation>Click to mark this message as %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="133" />
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="135" />
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="137" />
        <source>view once</source>
        <translation>view once</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="139" />
        <source>forwarded</source>
        <translation>forwarded</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="141" />
        <source>media missing</source>
        <translation>media missing</translation>
    </message>
    <message numerus="yes">
        <location filename="../../chatsafe/gui/message_model.py" line="143" />
        <source>%Ln attachment(s)</source>
        <translation><numerusform>%Ln attachment</numerusform><numerusform>%Ln attachments</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="145" />
        <source>disappearing messages on</source>
        <translation>disappearing messages on</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="147" />
        <source>out of period</source>
        <translation>out of period</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="177" />
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="178" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="179" />
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="180" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="268" />
        <source>(from the conversation's mark)</source>
        <translation>(from the conversation's mark)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="270" />
        <source>(the default)</source>
        <translation>(the default)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="272" />
        <source>(proposed)</source>
        <translation>(proposed)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="274" />
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/message_model.py" line="277" />
        <source>Suggested by the lexicon: %1 (click to decide)</source>
        <translation>Suggested by the lexicon: %1 (click to decide)</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="160" />
        <location filename="../../chatsafe/gui/dialogs.py" line="205" />
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="162" />
        <source>Case file</source>
        <translation>Case file</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="163" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="164" />
        <source>Choose where to save the case</source>
        <translation>Choose where to save the case</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="170" />
        <source>Owner's name</source>
        <translation>Owner's name</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="171" />
        <source>as it appears in the exports</source>
        <translation>as it appears in the exports</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="172" />
        <source>Protect with a passphrase instead of the keyring</source>
        <translation>Protect with a passphrase instead of the keyring</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="178" />
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="181" />
        <source>Same passphrase again</source>
        <translation>Same passphrase again</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="186" />
        <source>Case file:</source>
        <translation>Case file:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="187" />
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="189" />
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="190" />
        <source>Again:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="205" />
        <source>chatsafe cases (*.chatsafe)</source>
        <translation>chatsafe cases (*.chatsafe)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="219" />
        <source>Choose where to save the case.</source>
        <translation>Choose where to save the case.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="222" />
        <source>A file with this name exists already.</source>
        <translation>A file with this name exists already.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="226" />
        <source>The passphrase is too short.</source>
        <translation>The passphrase is too short.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="229" />
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="61" />
        <location filename="../../chatsafe/gui/dialogs.py" line="64" />
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="67" />
        <source>Same passphrase again</source>
        <translation>Same passphrase again</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="73" />
        <source>Choose a passphrase for the new case (at least %1 characters).</source>
        <translation>Choose a passphrase for the new case (at least %1 characters).</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="75" />
        <source>This case's key is not in this computer's keyring. Type its passphrase.</source>
        <translation>This case's key is not in this computer's keyring. Type its passphrase.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="79" />
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="81" />
        <source>Again:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="93" />
        <source>The passphrase is too short.</source>
        <translation>The passphrase is too short.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="96" />
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="266" />
        <source>In-scope period</source>
        <translation>In-scope period</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="267" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="268" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="272" />
        <source>First day in scope</source>
        <translation>First day in scope</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="273" />
        <source>Last day in scope</source>
        <translation>Last day in scope</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="239" />
        <source>Mark with a reason</source>
        <translation>Mark with a reason</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="241" />
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="246" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="247" />
        <source>optional, e.g. 'family matter'</source>
        <translation>optional, e.g. 'family matter'</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="249" />
        <source>Label:</source>
        <translation>Label:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="250" />
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="47" />
        <source>Assistant (first pass: proposes marks)</source>
        <translation>Assistant (first pass: proposes marks)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="48" />
        <source>Minister (confirms)</source>
        <translation>Minister (confirms)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/dialogs.py" line="49" />
        <source>IT support (checks the case)</source>
        <translation>IT support (checks the case)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Rule removed. Conversations it marked keep their mark; change them by hand if needed.</source>
        <translation>Rule removed. Conversations it marked keep their mark; change them by hand if needed.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message numerus="yes">
        <source>Rule added: %Ln conversation(s) changed.</source>
        <translation><numerusform>Rule added: %Ln conversation changed.</numerusform><numerusform>Rule added: %Ln conversations changed.</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="121" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="124" />
        <source>Contact rules</source>
        <translation>Contact rules</translation>
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
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="135" />
        <source>Contact (name or number)</source>
        <translation>Contact (name or number)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="142" />
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="143" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="144" />
        <source>Add rule</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="146" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="147" />
        <source>Remove selected rule</source>
        <translation>Remove selected rule</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="151" />
        <source>A rule marks one-to-one conversations with this contact, now and in later imports. Group conversations and conversations someone marked by hand are left alone.</source>
        <translation>A rule marks one-to-one conversations with this contact, now and in later imports. Group conversations and conversations someone marked by hand are left alone.</translation>
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
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="165" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <location filename="../../chatsafe/gui/selfcheck.py" line="38" />
        <source>chatsafe cannot start its window: the installed Qt for Python (PySide6 {pyside}) has a known defect with Python {python} that makes the app crash after a few minutes of review.

Install a PySide6 release below 6.12 (for example with pip install &quot;PySide6-Essentials&gt;=6.6,&lt;6.12&quot;), or use Python 3.12 or newer. The command line (chatsafe import, bundle, verify) keeps working.</source>
        <translation>chatsafe cannot start its window: the installed Qt for Python (PySide6 {pyside}) has a known defect with Python {python} that makes the app crash after a few minutes of review.

Install a PySide6 release below 6.12 (for example with pip install &quot;PySide6-Essentials&gt;=6.6,&lt;6.12&quot;), or use Python 3.12 or newer. The command line (chatsafe import, bundle, verify) keeps working.</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message numerus="yes">
        <source>%Ln doubt(s) stay open: the bundle waits until they are answered.</source>
        <translation><numerusform>%Ln doubt(s) stay open: the bundle waits until they are answered.</numerusform><numerusform>%Ln doubt(s) stay open: the bundle waits until they are answered.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) will leave; %1 private and %2 party-political stay; out of period: %3.</source>
        <translation><numerusform>%Ln message will leave; %1 private and %2 party-political stay; out of period: %3.</numerusform><numerusform>%Ln messages will leave; %1 private and %2 party-political stay; out of period: %3.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) that nobody has reviewed yet count(s) as reviewed</source>
        <translation><numerusform>%Ln message that nobody has reviewed yet counts as reviewed</numerusform><numerusform>%Ln messages that nobody has reviewed yet count as reviewed</numerusform></translation>
    </message>
    <message>
        <source>%1, and %2. Everything that is not marked private or party-political leaves as business: %3.</source>
        <translation>%1, and %2. Everything that is not marked private or party-political leaves as business: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln mark(s) proposed by an assistant become(s) decisions</source>
        <translation><numerusform>%Ln mark proposed by an assistant becomes a decision</numerusform><numerusform>%Ln marks proposed by an assistant become decisions</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Confirm all %Ln conversation(s)?</source>
        <translation><numerusform>Confirm the %Ln conversation?</numerusform><numerusform>Confirm all %Ln conversations?</numerusform></translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="45" />
        <source>Summary of what will leave</source>
        <translation>Summary of what will leave</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="48" />
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="49" />
        <source>Business (leaves)</source>
        <translation>Business (leaves)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="52" />
        <source>Out of period</source>
        <translation>Out of period</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="53" />
        <source>Unreviewed</source>
        <translation>Unreviewed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="54" />
        <source>Unconfirmed</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="57" />
        <source>Summary per conversation</source>
        <translation>Summary per conversation</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="63" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="87" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="88" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/review_dialogs.py" line="90" />
        <location filename="../../chatsafe/gui/review_dialogs.py" line="92" />
        <source>Confirm all conversations</source>
        <translation>Confirm all conversations</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (not found)</translation>
    </message>
    <message>
        <source>No cases yet. Create a new case for a minister's chats, or open a case someone gave you (a .chatsafe file). To look around first, choose “Open the demo”: a case with invented chats.</source>
        <translation>No cases yet. Create a new case for a minister's chats, or open a case someone gave you (a .chatsafe file). To look around first, choose “Open the demo”: a case with invented chats.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="163" />
        <source>chatsafe: separate business messages from private and party-political ones</source>
        <translation>chatsafe: separate business messages from private and party-political ones</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="170" />
        <location filename="../../chatsafe/gui/panes.py" line="171" />
        <source>Open case…</source>
        <translation>Open case…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="172" />
        <location filename="../../chatsafe/gui/panes.py" line="173" />
        <source>New case…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="175" />
        <source>Recent cases</source>
        <translation>Recent cases</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/panes.py" line="184" />
        <source>Recent cases:</source>
        <translation>Recent cases:</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Open the demo</translation>
    </message>
    <message>
        <source>The demo is a case with invented chats; its passphrase is %1.</source>
        <translation>The demo is a case with invented chats; its passphrase is %1.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="80" />
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="85" />
        <source>Save bundle</source>
        <translation>Save bundle</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/bundle_dialog.py" line="88" />
        <source>Choose file</source>
        <translation>Choose file</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>One entry of this export is larger than chatsafe accepts.</source>
        <translation>One entry of this export is larger than chatsafe accepts.</translation>
    </message>
    <message>
        <source>Type a name such as Europe/Amsterdam, or leave the field empty.</source>
        <translation>Type a name such as Europe/Amsterdam, or leave the field empty.</translation>
    </message>
    <message>
        <source>chatsafe does not know this time zone.</source>
        <translation>chatsafe does not know this time zone.</translation>
    </message>
    <message>
        <source>Type a code such as NL, BE, DE or US, or leave the field empty.</source>
        <translation>Type a code such as NL, BE, DE or US, or leave the field empty.</translation>
    </message>
    <message>
        <source>This is not a country code.</source>
        <translation>This is not a country code.</translation>
    </message>
    <message>
        <source>Type the year of the first message, or leave the field alone.</source>
        <translation>Type the year of the first message, or leave the field alone.</translation>
    </message>
    <message>
        <source>This is not a year a WhatsApp export can start in.</source>
        <translation>This is not a year a WhatsApp export can start in.</translation>
    </message>
    <message>
        <source>Choose an encoding from the list, or leave UTF-8.</source>
        <translation>Choose an encoding from the list, or leave UTF-8.</translation>
    </message>
    <message>
        <source>chatsafe does not know this text encoding.</source>
        <translation>chatsafe does not know this text encoding.</translation>
    </message>
    <message>
        <source>Choose the key file, or a file with the 64 digits.</source>
        <translation>Choose the key file, or a file with the 64 digits.</translation>
    </message>
    <message>
        <source>The WhatsApp key file cannot be read.</source>
        <translation>The WhatsApp key file cannot be read.</translation>
    </message>
    <message>
        <source>Choose the file that holds the Signal Desktop key.</source>
        <translation>Choose the file that holds the Signal Desktop key.</translation>
    </message>
    <message>
        <source>The Signal key file cannot be read.</source>
        <translation>The Signal key file cannot be read.</translation>
    </message>
    <message>
        <source>Answer or withdraw every doubt first (filter: With doubts; N goes to the next).</source>
        <translation>Answer or withdraw every doubt first (filter: With doubts; N goes to the next).</translation>
    </message>
    <message>
        <source>Open doubts block this: someone still asks whether messages may leave.</source>
        <translation>Open doubts block this: someone still asks whether messages may leave.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Details are in the log.</source>
        <translation>Something went wrong (%1). Details are in the log.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>chatsafe could not do this.</source>
        <translation>chatsafe could not do this.</translation>
    </message>
    <message>
        <source>Details are in the log.</source>
        <translation>Details are in the log.</translation>
    </message>
    <message>
        <source>This export cannot be imported as it is.</source>
        <translation>This export cannot be imported as it is.</translation>
    </message>
    <message>
        <source>Export the chat again from the phone and import the new file.</source>
        <translation>Export the chat again from the phone and import the new file.</translation>
    </message>
    <message>
        <source>This file is not a chat export.</source>
        <translation>This file is not a chat export.</translation>
    </message>
    <message>
        <source>Choose the file the phone's Export chat made.</source>
        <translation>Choose the file the phone's Export chat made.</translation>
    </message>
    <message>
        <source>chatsafe does not recognise this export.</source>
        <translation>chatsafe does not recognise this export.</translation>
    </message>
    <message>
        <source>See Help for the exports chatsafe reads, or ask IT support.</source>
        <translation>See Help for the exports chatsafe reads, or ask IT support.</translation>
    </message>
    <message>
        <source>The text of this export is in an unknown character encoding.</source>
        <translation>The text of this export is in an unknown character encoding.</translation>
    </message>
    <message>
        <source>Ask IT support to import it with the encoding named.</source>
        <translation>Ask IT support to import it with the encoding named.</translation>
    </message>
    <message>
        <source>This zip file is refused: it holds something unsafe.</source>
        <translation>This zip file is refused: it holds something unsafe.</translation>
    </message>
    <message>
        <source>Export the chat again; do not change the zip file.</source>
        <translation>Export the chat again; do not change the zip file.</translation>
    </message>
    <message>
        <source>This file unpacks to far more than it holds and is refused.</source>
        <translation>This file unpacks to far more than it holds and is refused.</translation>
    </message>
    <message>
        <source>A file inside this zip is damaged.</source>
        <translation>A file inside this zip is damaged.</translation>
    </message>
    <message>
        <source>Copy the export from the phone again.</source>
        <translation>Copy the export from the phone again.</translation>
    </message>
    <message>
        <source>An image in this export is too large to show safely.</source>
        <translation>An image in this export is too large to show safely.</translation>
    </message>
    <message>
        <source>It is kept as an attachment without a preview.</source>
        <translation>It is kept as an attachment without a preview.</translation>
    </message>
    <message>
        <source>A message or line in this export is longer than chatsafe accepts.</source>
        <translation>A message or line in this export is longer than chatsafe accepts.</translation>
    </message>
    <message>
        <source>Ask IT support to check the export.</source>
        <translation>Ask IT support to check the export.</translation>
    </message>
    <message>
        <source>The dates in this export use a calendar chatsafe cannot read.</source>
        <translation>The dates in this export use a calendar chatsafe cannot read.</translation>
    </message>
    <message>
        <source>Set the phone to the Gregorian calendar and export the chat again.</source>
        <translation>Set the phone to the Gregorian calendar and export the chat again.</translation>
    </message>
    <message>
        <source>The backup's password is not right.</source>
        <translation>The backup's password is not right.</translation>
    </message>
    <message>
        <source>Type the backup password again.</source>
        <translation>Type the backup password again.</translation>
    </message>
    <message>
        <source>The case file cannot be used.</source>
        <translation>The case file cannot be used.</translation>
    </message>
    <message>
        <source>Open another case, or ask IT support.</source>
        <translation>Open another case, or ask IT support.</translation>
    </message>
    <message>
        <source>This passphrase does not unlock the case.</source>
        <translation>This passphrase does not unlock the case.</translation>
    </message>
    <message>
        <source>Type the passphrase again.</source>
        <translation>Type the passphrase again.</translation>
    </message>
    <message>
        <source>This computer does not hold the key of this case.</source>
        <translation>This computer does not hold the key of this case.</translation>
    </message>
    <message>
        <source>Type the case's passphrase.</source>
        <translation>Type the case's passphrase.</translation>
    </message>
    <message>
        <source>The case file has been changed outside chatsafe.</source>
        <translation>The case file has been changed outside chatsafe.</translation>
    </message>
    <message>
        <source>Stop and tell IT support.</source>
        <translation>Stop and tell IT support.</translation>
    </message>
    <message>
        <source>A case setting is missing or not valid.</source>
        <translation>A case setting is missing or not valid.</translation>
    </message>
    <message>
        <source>Ask IT support to check the case settings.</source>
        <translation>Ask IT support to check the case settings.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>The signing certificate cannot be used.</source>
        <translation>The signing certificate cannot be used.</translation>
    </message>
    <message>
        <source>Check the certificate file and its passphrase or PIN.</source>
        <translation>Check the certificate file and its passphrase or PIN.</translation>
    </message>
    <message>
        <source>This review step is not possible.</source>
        <translation>This review step is not possible.</translation>
    </message>
    <message>
        <source>Check who you are signed in as, and what is selected.</source>
        <translation>Check who you are signed in as, and what is selected.</translation>
    </message>
    <message>
        <source>In {file}: </source>
        <translation>In {file}: </translation>
    </message>
    <message>
        <source>In {file}, line {line}: </source>
        <translation>In {file}, line {line}: </translation>
    </message>
    <message>
        <source>In {file}, entry {entry}: </source>
        <translation>In {file}, entry {entry}: </translation>
    </message>
    <message>
        <source>This needs the minister: the minister makes it, or approves it first.</source>
        <translation>This needs the minister: the minister makes it, or approves it first.</translation>
    </message>
    <message>
        <source>Ask the minister to open Create bundle and approve.</source>
        <translation>Ask the minister to open Create bundle and approve.</translation>
    </message>
    <message>
        <source>The minister's approval no longer covers what would leave: something changed after it.</source>
        <translation>The minister's approval no longer covers what would leave: something changed after it.</translation>
    </message>
    <message>
        <source>Ask the minister to approve again.</source>
        <translation>Ask the minister to approve again.</translation>
    </message>
    <message>
        <source>This is not a WhatsApp backup key.</source>
        <translation>This is not a WhatsApp backup key.</translation>
    </message>
    <message>
        <source>Type the 64 digits of the end-to-end backup key, or choose the key file.</source>
        <translation>Type the 64 digits of the end-to-end backup key, or choose the key file.</translation>
    </message>
    <message>
        <source>This key does not open this backup (wrong key, or the file is damaged).</source>
        <translation>This key does not open this backup (wrong key, or the file is damaged).</translation>
    </message>
    <message>
        <source>Check the 64 digits or the key file.</source>
        <translation>Check the 64 digits or the key file.</translation>
    </message>
    <message>
        <source>The time-stamping service could not stamp the bundle; no bundle was made.</source>
        <translation>The time-stamping service could not stamp the bundle; no bundle was made.</translation>
    </message>
    <message>
        <source>Try again later, or ask IT support to check the time-stamping settings.</source>
        <translation>Try again later, or ask IT support to check the time-stamping settings.</translation>
    </message>
</context>
<context>
    <name>RsmfDialog</name>
    <message>
        <source>{files} written to {folder}: {c}, {n}, {a}.</source>
        <translation>{files} written to {folder}: {c}, {n}, {a}.</translation>
    </message>
    <message>
        <source>Export for Woo (RSMF)</source>
        <translation>Export for Woo (RSMF)</translation>
    </message>
    <message>
        <source>Writes exactly what the bundle would carry as RSMF 2.0 files, which review platforms (Relativity, Nuix, Reveal, ZyLAB) open for Woo requests. Nothing private or party-political is in them. It needs the minister, or the minister's approval.</source>
        <translation>Writes exactly what the bundle would carry as RSMF 2.0 files, which review platforms (Relativity, Nuix, Reveal, ZyLAB) open for Woo requests. Nothing private or party-political is in them. It needs the minister, or the minister's approval.</translation>
    </message>
    <message>
        <source>New folder for the RSMF files</source>
        <translation>New folder for the RSMF files</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>New folder:</source>
        <translation>New folder:</translation>
    </message>
    <message>
        <source>One file per conversation and day</source>
        <translation>One file per conversation and day</translation>
    </message>
    <message>
        <source>One file per conversation</source>
        <translation>One file per conversation</translation>
    </message>
    <message>
        <source>How the files are cut</source>
        <translation>How the files are cut</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Folder for the RSMF files</source>
        <translation>Folder for the RSMF files</translation>
    </message>
    <message>
        <source>Writing the RSMF files…</source>
        <translation>Writing the RSMF files…</translation>
    </message>
    <message>
        <source>These files may pass RSMF's 2 GB limit (one entry with large attachments): {names}</source>
        <translation>These files may pass RSMF's 2 GB limit (one entry with large attachments): {names}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancelling… no files will be written.</source>
        <translation>Cancelling… no files will be written.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>The export was cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <source>The key of %1 (Signal Desktop) is locked with the password of the minister's keychain item 'Signal Safe Storage'. Type that password.</source>
        <translation>The key of %1 (Signal Desktop) is locked with the password of the minister's keychain item 'Signal Safe Storage'. Type that password.</translation>
    </message>
    <message>
        <source>Signal password</source>
        <translation>Signal password</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>iPhone backup password</source>
        <translation>iPhone backup password</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>%1 is an encrypted iPhone backup. Type the backup password that was set in Finder or iTunes. Opening it takes some seconds.</source>
        <translation>%1 is an encrypted iPhone backup. Type the backup password that was set in Finder or iTunes. Opening it takes some seconds.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>WhatsApp backup key</source>
        <translation>WhatsApp backup key</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>%1 is an encrypted WhatsApp backup. Type the 64-digit end-to-end backup key (not the backup password).</source>
        <translation>%1 is an encrypted WhatsApp backup. Type the 64-digit end-to-end backup key (not the backup password).</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/secrets.py" line="1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SummaryOp</name>
    <message numerus="yes">
        <source>All %Ln conversation(s) are confirmed. Answer the open doubts first (%1), then create the bundle; N goes to the next.</source>
        <translation><numerusform>All %Ln conversation(s) are confirmed. Answer the open doubts first (%1), then create the bundle; N goes to the next.</numerusform><numerusform>All %Ln conversation(s) are confirmed. Answer the open doubts first (%1), then create the bundle; N goes to the next.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln conversation(s) are confirmed. You can now create the bundle.</source>
        <translation><numerusform>The %Ln conversation is confirmed. You can now create the bundle.</numerusform><numerusform>All %Ln conversations are confirmed. You can now create the bundle.</numerusform></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="53" />
        <source>Organisation (archive creator)</source>
        <translation>Organisation (archive creator)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="56" />
        <source>Organisation identifier</source>
        <translation>Organisation identifier</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="57" />
        <source>Appraisal</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="58" />
        <source>Retention period</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="59" />
        <source>Retention starts at</source>
        <translation>Retention starts at</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="60" />
        <source>Retention start date</source>
        <translation>Retention start date</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="61" />
        <source>Retention end date</source>
        <translation>Retention end date</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="62" />
        <source>Selection list</source>
        <translation>Selection list</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="63" />
        <source>Information category</source>
        <translation>Information category</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="66" />
        <source>Category number in the selection list</source>
        <translation>Category number in the selection list</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="69" />
        <source>Owner of the chats</source>
        <translation>Owner of the chats</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="70" />
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="71" />
        <source>First day in scope</source>
        <translation>First day in scope</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="72" />
        <source>Last day in scope</source>
        <translation>Last day in scope</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="79" />
        <source>For example: Ministerie van BZK.</source>
        <translation>For example: Ministerie van BZK.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="82" />
        <source>Optional: its https://organisaties.overheid.nl/ address.</source>
        <translation>Optional: its https://organisaties.overheid.nl/ address.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="85" />
        <source>'permanent' for B and N; for V a term such as '10 jaar'.</source>
        <translation>'permanent' for B and N; for V a term such as '10 jaar'.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="88" />
        <source>V only: the event that starts the term, e.g. Bevriezing.</source>
        <translation>V only: the event that starts the term, e.g. Bevriezing.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="94" />
        <source>V only, optional: YYYY-MM-DD.</source>
        <translation>V only, optional: YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="97" />
        <source>The adopted selection list the category comes from.</source>
        <translation>The adopted selection list the category comes from.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="100" />
        <source>The category's name as the selection list writes it.</source>
        <translation>The category's name as the selection list writes it.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="103" />
        <source>Optional: its number, e.g. 1.1.</source>
        <translation>Optional: its number, e.g. 1.1.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="106" />
        <source>The name the owner's messages carry in the exports.</source>
        <translation>The name the owner's messages carry in the exports.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="109" />
        <source>For wall-clock times; default Europe/Amsterdam.</source>
        <translation>For wall-clock times; default Europe/Amsterdam.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="112" />
        <source>YYYY-MM-DD; leave empty for no start.</source>
        <translation>YYYY-MM-DD; leave empty for no start.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="115" />
        <source>YYYY-MM-DD; leave empty for no end.</source>
        <translation>YYYY-MM-DD; leave empty for no end.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="125" />
        <source>Case settings</source>
        <translation>Case settings</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="130" />
        <source>IT support or the records officer fills these in once per case. Organisation, appraisal, retention period and information category are required before a bundle can be made.</source>
        <translation>IT support or the records officer fills these in once per case. Organisation, appraisal, retention period and information category are required before a bundle can be made.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="144" />
        <source>(not set)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="146" />
        <source>B: keep permanently (blijvend te bewaren)</source>
        <translation>B: keep permanently (blijvend te bewaren)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="147" />
        <source>V: destroy after a term (tijdelijk te bewaren)</source>
        <translation>V: destroy after a term (tijdelijk te bewaren)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="148" />
        <source>N: decided later (nader te bepalen)</source>
        <translation>N: decided later (nader te bepalen)</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="156" />
        <source>The MDTO appraisal from the selection list: B records go to the national or regional archive, V records are destroyed when the retention period ends, N means it is not decided yet.</source>
        <translation>The MDTO appraisal from the selection list: B records go to the national or regional archive, V records are destroyed when the retention period ends, N means it is not decided yet.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="218" />
        <source>Choose one of the values offered.</source>
        <translation>Choose one of the values offered.</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="219" />
        <source>“{name}” is not valid. {hint}</source>
        <translation>“{name}” is not valid. {hint}</translation>
    </message>
    <message>
        <location filename="../../chatsafe/gui/settings_dialog.py" line="225" />
        <source>The first day in scope is after the last day in scope.</source>
        <translation>The first day in scope is after the last day in scope.</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>Import a folder</source>
        <translation>Import a folder</translation>
    </message>
    <message>
        <source>Import chat exports</source>
        <translation>Import chat exports</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Exports:</source>
        <translation>Exports:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Time zone:</translation>
    </message>
    <message>
        <source>Country of the phone:</source>
        <translation>Country of the phone:</translation>
    </message>
    <message>
        <source>Year of the first message:</source>
        <translation>Year of the first message:</translation>
    </message>
    <message>
        <source>WhatsApp key file:</source>
        <translation>WhatsApp key file:</translation>
    </message>
    <message>
        <source>Signal key file:</source>
        <translation>Signal key file:</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>Text encoding:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>The owner's name as it appears in the exports (tells their messages apart)</source>
        <translation>The owner's name as it appears in the exports (tells their messages apart)</translation>
    </message>
    <message>
        <source>The time zone of the export's clock times, e.g. Europe/Amsterdam</source>
        <translation>The time zone of the export's clock times, e.g. Europe/Amsterdam</translation>
    </message>
    <message>
        <source>%1 (the case's time zone)</source>
        <translation>%1 (the case's time zone)</translation>
    </message>
    <message>
        <source>The country the phone was used in (a code such as NL, BE, DE or US): national phone numbers in SMS exports are read as its numbers</source>
        <translation>The country the phone was used in (a code such as NL, BE, DE or US): national phone numbers in SMS exports are read as its numbers</translation>
    </message>
    <message>
        <source>%1 (the case's country)</source>
        <translation>%1 (the case's country)</translation>
    </message>
    <message>
        <source>The year of the first message of a WhatsApp export printed without years. Left alone, chatsafe works it out from the file's date and says which year it took.</source>
        <translation>The year of the first message of a WhatsApp export printed without years. Left alone, chatsafe works it out from the file's date and says which year it took.</translation>
    </message>
    <message>
        <source>Work it out</source>
        <translation>Work it out</translation>
    </message>
    <message>
        <source>The WhatsApp backup key: a file with the 64 digits, or the key file (encrypted_backup.key, key). Without it chatsafe asks for the digits.</source>
        <translation>The WhatsApp backup key: a file with the 64 digits, or the key file (encrypted_backup.key, key). Without it chatsafe asks for the digits.</translation>
    </message>
    <message>
        <source>Choose the WhatsApp key file</source>
        <translation>Choose the WhatsApp key file</translation>
    </message>
    <message>
        <source>A file holding the Signal Desktop database key (hex)</source>
        <translation>A file holding the Signal Desktop database key (hex)</translation>
    </message>
    <message>
        <source>Choose the Signal key file</source>
        <translation>Choose the Signal key file</translation>
    </message>
    <message>
        <source>The character encoding of text exports that are not UTF-8</source>
        <translation>The character encoding of text exports that are not UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 (the usual)</source>
        <translation>UTF-8 (the usual)</translation>
    </message>
    <message>
        <source>Skip detection and read the export as this format</source>
        <translation>Skip detection and read the export as this format</translation>
    </message>
    <message>
        <source>Recognise automatically</source>
        <translation>Recognise automatically</translation>
    </message>
    <message>
        <source>Add a fol&amp;der…</source>
        <translation>Add a fol&amp;der…</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <source>Exports to import</source>
        <translation>Exports to import</translation>
    </message>
    <message>
        <source>For exports chatsafe does not recognise by itself. Leave a field empty to use what chatsafe works out; each field is the same as an option of “chatsafe import” on the command line.</source>
        <translation>For exports chatsafe does not recognise by itself. Leave a field empty to use what chatsafe works out; each field is the same as an option of “chatsafe import” on the command line.</translation>
    </message>
    <message>
        <source>Import with options</source>
        <translation>Import with options</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Doubt?</source>
        <translation>Doubt?</translation>
    </message>
    <message>
        <source>Outside the period</source>
        <translation>Outside the period</translation>
    </message>
    <message>
        <source>Disappearing messages on</source>
        <translation>Disappearing messages on</translation>
    </message>
    <message>
        <source>Media missing</source>
        <translation>Media missing</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>View once</source>
        <translation>View once</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Suggestion: %1</translation>
    </message>
    <message>
        <source>Proposal: %1</source>
        <translation>Proposal: %1</translation>
    </message>
    <message>
        <source>%1 (conversation)</source>
        <translation>%1 (conversation)</translation>
    </message>
</context>
<context>
    <name>TranscriptLegend</name>
    <message>
        <source>Legend of the badges</source>
        <translation>Legend of the badges</translation>
    </message>
</context>
<context>
    <name>Bubbles</name>
    <message>
        <source>Attachment: %1</source>
        <translation>Attachment: %1</translation>
    </message>
    <message>
        <source>Attachment missing: %1</source>
        <translation>Attachment missing: %1</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Reply to a message that is not in the case</source>
        <translation>Reply to a message that is not in the case</translation>
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
        <translation>Only the small preview can be shown for this file.</translation>
    </message>
    <message>
        <source>Loading the full image…</source>
        <translation>Loading the full image…</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>Image viewer</translation>
    </message>
</context>
<context>
    <name>CollectWizard</name>
    <message>
        <source>Some inputs cannot be imported as they are: see what to do, go back and choose them again.</source>
        <translation>Some inputs cannot be imported as they are: see what to do, go back and choose them again.</translation>
    </message>
    <message>
        <source>Everything can be imported. Import starts the import; it can be cancelled.</source>
        <translation>Everything can be imported. Import starts the import; it can be cancelled.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Guided collection</source>
        <translation>Guided collection</translation>
    </message>
    <message>
        <source>Checking the inputs…</source>
        <translation>Checking the inputs…</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>Checks before the import</source>
        <translation>Checks before the import</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Add a folder</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <source>Add a &amp;folder…</source>
        <translation>Add a &amp;folder…</translation>
    </message>
    <message>
        <source>Inputs to import</source>
        <translation>Inputs to import</translation>
    </message>
    <message>
        <source>A backup or app folder as it is, or database and export files.</source>
        <translation>A backup or app folder as it is, or database and export files.</translation>
    </message>
    <message>
        <source>Choose what you brought</source>
        <translation>Choose what you brought</translation>
    </message>
    <message>
        <source>What to bring</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <source>The apps' own databases hold every message; exports are cut.</source>
        <translation>The apps' own databases hold every message; exports are cut.</translation>
    </message>
    <message>
        <source>Which device or app?</source>
        <translation>Which device or app?</translation>
    </message>
    <message>
        <source>the import will ask for the key</source>
        <translation>the import will ask for the key</translation>
    </message>
    <message>
        <source>What to bring from each phone and app, checked before the import</source>
        <translation>What to bring from each phone and app, checked before the import</translation>
    </message>
    <message>
        <source>&amp;Guided collection…</source>
        <translation>&amp;Guided collection…</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>Signal Desktop's key is locked by the minister's keychain: give the password of its 'Signal Safe Storage' item (CHATSAFE_SIGNAL_SAFE_STORAGE) or the raw key (--signal-key)</source>
        <translation>Signal Desktop's key is locked by the minister's keychain: give the password of its 'Signal Safe Storage' item (CHATSAFE_SIGNAL_SAFE_STORAGE) or the raw key (--signal-key)</translation>
    </message>
    <message>
        <source>a Signal folder from Windows without its 'Local State' file: copy that file too (and import on the minister's laptop), or give the raw key</source>
        <translation>a Signal folder from Windows without its 'Local State' file: copy that file too (and import on the minister's laptop), or give the raw key</translation>
    </message>
    <message>
        <source>the app was still running: quit it and copy the folder again</source>
        <translation>the app was still running: quit it and copy the folder again</translation>
    </message>
    <message>
        <source>no Media folder next to the database: photos and files will be missing</source>
        <translation>no Media folder next to the database: photos and files will be missing</translation>
    </message>
    <message>
        <source>an encrypted WhatsApp backup: give the 64-digit key (--whatsapp-key)</source>
        <translation>an encrypted WhatsApp backup: give the 64-digit key (--whatsapp-key)</translation>
    </message>
    <message>
        <source>an encrypted iPhone backup: the import will ask for its password</source>
        <translation>an encrypted iPhone backup: the import will ask for its password</translation>
    </message>
    <message>
        <source>ready to import</source>
        <translation>ready to import</translation>
    </message>
    <message>
        <source>WhatsApp 'Export chat' (with media), Signal exports, SMS Backup &amp; Restore, Telegram Desktop, e-mail (mbox): import them too. chatsafe merges a WhatsApp export with the database of the same chat and reports what each source held.</source>
        <translation>WhatsApp 'Export chat' (with media), Signal exports, SMS Backup &amp; Restore, Telegram Desktop, e-mail (mbox): import them too. chatsafe merges a WhatsApp export with the database of the same chat and reports what each source held.</translation>
    </message>
    <message>
        <source>'Export chat' files, as a complement</source>
        <translation>'Export chat' files, as a complement</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Run chatsafe on the minister's own laptop and account to open the key: the Mac keychain item 'Signal Safe Storage', the Linux desktop keyring, or Windows (DPAPI) unlock it there. Elsewhere give the safeStorage password (CHATSAFE_SIGNAL_SAFE_STORAGE; from KWallet: folder 'Signal Keys') or the raw key (--signal-key FILE).</source>
        <translation>Run chatsafe on the minister's own laptop and account to open the key: the Mac keychain item 'Signal Safe Storage', the Linux desktop keyring, or Windows (DPAPI) unlock it there. Elsewhere give the safeStorage password (CHATSAFE_SIGNAL_SAFE_STORAGE; from KWallet: folder 'Signal Keys') or the raw key (--signal-key FILE).</translation>
    </message>
    <message>
        <source>Copy the whole folder: ~/Library/Application Support/Signal (Mac), %APPDATA%\Signal (Windows), ~/.config/Signal (Linux): config.json, 'Local State', sql/ and attachments.noindex/.</source>
        <translation>Copy the whole folder: ~/Library/Application Support/Signal (Mac), %APPDATA%\Signal (Windows), ~/.config/Signal (Linux): config.json, 'Local State', sql/ and attachments.noindex/.</translation>
    </message>
    <message>
        <source>Quit Signal Desktop first (its newest messages are in db.sqlite-wal until then).</source>
        <translation>Quit Signal Desktop first (its newest messages are in db.sqlite-wal until then).</translation>
    </message>
    <message>
        <source>the Signal folder, with Signal closed</source>
        <translation>the Signal folder, with Signal closed</translation>
    </message>
    <message>
        <source>Signal Desktop</source>
        <translation>Signal Desktop</translation>
    </message>
    <message>
        <source>Quit WhatsApp. Copy ~/Library/Group Containers/group.net.whatsapp.WhatsApp.shared/ whole: ChatStorage.sqlite, its -wal file (the newest messages are there) and Message/Media.</source>
        <translation>Quit WhatsApp. Copy ~/Library/Group Containers/group.net.whatsapp.WhatsApp.shared/ whole: ChatStorage.sqlite, its -wal file (the newest messages are there) and Message/Media.</translation>
    </message>
    <message>
        <source>the app group folder</source>
        <translation>the app group folder</translation>
    </message>
    <message>
        <source>WhatsApp Desktop (Mac)</source>
        <translation>WhatsApp Desktop (Mac)</translation>
    </message>
    <message>
        <source>Give the key at import: CHATSAFE_WHATSAPP_KEY, or --whatsapp-key FILE, or the key file (encrypted_backup.key) in the folder. Older crypt14 backups need the phone's 'key' file.</source>
        <translation>Give the key at import: CHATSAFE_WHATSAPP_KEY, or --whatsapp-key FILE, or the key file (encrypted_backup.key) in the folder. Older crypt14 backups need the phone's 'key' file.</translation>
    </message>
    <message>
        <source>Back up to the phone. Copy Android/media/com.whatsapp/WhatsApp/ (Databases/ and Media/) from the phone to the laptop.</source>
        <translation>Back up to the phone. Copy Android/media/com.whatsapp/WhatsApp/ (Databases/ and Media/) from the phone to the laptop.</translation>
    </message>
    <message>
        <source>In WhatsApp: Settings &gt; Chats &gt; Chat backup &gt; End-to-end encrypted backup: turn it on with a 64-digit key (not a password: a password needs WhatsApp's servers and cannot be used offline). Write the 64 digits down.</source>
        <translation>In WhatsApp: Settings &gt; Chats &gt; Chat backup &gt; End-to-end encrypted backup: turn it on with a 64-digit key (not a password: a password needs WhatsApp's servers and cannot be used offline). Write the 64 digits down.</translation>
    </message>
    <message>
        <source>the WhatsApp folder and the 64-digit end-to-end backup key</source>
        <translation>the WhatsApp folder and the 64-digit end-to-end backup key</translation>
    </message>
    <message>
        <source>Android WhatsApp</source>
        <translation>Android WhatsApp</translation>
    </message>
    <message>
        <source>WhatsApp and Messages (iMessage, SMS) come from the backup. Signal keeps its messages out of iPhone backups: bring Signal Desktop (below).</source>
        <translation>WhatsApp and Messages (iMessage, SMS) come from the backup. Signal keeps its messages out of iPhone backups: bring Signal Desktop (below).</translation>
    </message>
    <message>
        <source>The password is asked for at import (or CHATSAFE_BACKUP_PASSWORD); never put it on the command line.</source>
        <translation>The password is asked for at import (or CHATSAFE_BACKUP_PASSWORD); never put it on the command line.</translation>
    </message>
    <message>
        <source>Back up now. Import the backup folder (MobileSync/Backup/&lt;device id&gt;) as it is.</source>
        <translation>Back up now. Import the backup folder (MobileSync/Backup/&lt;device id&gt;) as it is.</translation>
    </message>
    <message>
        <source>Choose 'Encrypt local backup' and set a password; an encrypted backup also holds data an unencrypted one leaves out. Write the password down for the import.</source>
        <translation>Choose 'Encrypt local backup' and set a password; an encrypted backup also holds data an unencrypted one leaves out. Write the password down for the import.</translation>
    </message>
    <message>
        <source>Connect the iPhone to a Mac (Finder) or Windows PC (Apple Devices / iTunes).</source>
        <translation>Connect the iPhone to a Mac (Finder) or Windows PC (Apple Devices / iTunes).</translation>
    </message>
    <message>
        <source>an encrypted Finder/iTunes backup and its backup password</source>
        <translation>an encrypted Finder/iTunes backup and its backup password</translation>
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
        <translation>working</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <source>signing</source>
        <translation>signing</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>metadata</translation>
    </message>
    <message>
        <source>conversations</source>
        <translation>conversations</translation>
    </message>
    <message>
        <source>indexing</source>
        <translation>indexing</translation>
    </message>
    <message>
        <source>storing</source>
        <translation>storing</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>reading</translation>
    </message>
    <message numerus="yes">
        <source>%Ln RSMF file(s)</source>
        <translation><numerusform>%Ln RSMF file</numerusform><numerusform>%Ln RSMF files</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln business message(s)</source>
        <translation><numerusform>%Ln business message</numerusform><numerusform>%Ln business messages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln system notice(s)</source>
        <translation><numerusform>%Ln system notice</numerusform><numerusform>%Ln system notices</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation><numerusform>%Ln file</numerusform><numerusform>%Ln files</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation><numerusform>%Ln item</numerusform><numerusform>%Ln items</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln attachment(s)</source>
        <translation><numerusform>%Ln attachment</numerusform><numerusform>%Ln attachments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln conversation(s)</source>
        <translation><numerusform>%Ln conversation</numerusform><numerusform>%Ln conversations</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation><numerusform>%Ln message</numerusform><numerusform>%Ln messages</numerusform></translation>
    </message>
</context>
<context>
    <name>EmptyCaseHint</name>
    <message>
        <source>Import a folder…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <source>Import an export…</source>
        <translation>Import an export…</translation>
    </message>
    <message>
        <source>Import an export of the phone's chats: on the phone choose “Export chat” (WhatsApp) or the app's backup, copy the file to this computer, then click Import or drop the file on this window. Nothing leaves the computer.</source>
        <translation>Import an export of the phone's chats: on the phone choose “Export chat” (WhatsApp) or the app's backup, copy the file to this computer, then click Import or drop the file on this window. Nothing leaves the computer.</translation>
    </message>
    <message>
        <source>This case is still empty</source>
        <translation>This case is still empty</translation>
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
        <translation>iMessage and SMS (Apple)</translation>
    </message>
    <message>
        <source>SMS (Android)</source>
        <translation>SMS (Android)</translation>
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
        <translation>iPhone backup</translation>
    </message>
    <message>
        <source>WhatsApp (iPhone or Mac database)</source>
        <translation>WhatsApp (iPhone or Mac database)</translation>
    </message>
    <message>
        <source>WhatsApp (Android database)</source>
        <translation>WhatsApp (Android database)</translation>
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
        <translation>Someone asked about a message or a whole conversation: answer it (Shift+D) before the bundle.</translation>
    </message>
    <message numerus="yes">
        <source>%1 open doubt(s)</source>
        <translation><numerusform>%1 open doubt(s)</numerusform><numerusform>%1 open doubt(s)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 not confirmed by the minister yet</source>
        <translation><numerusform>%1 not confirmed by the minister yet</numerusform><numerusform>%1 not confirmed by the minister yet</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 not reviewed yet</source>
        <translation><numerusform>%1 not reviewed yet</numerusform><numerusform>%1 not reviewed yet</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 stay(s) behind: outside the period</source>
        <translation><numerusform>%1 stays behind: outside the period</numerusform><numerusform>%1 stay behind: outside the period</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 stay(s) behind: party-political</source>
        <translation><numerusform>%1 stays behind: party-political</numerusform><numerusform>%1 stay behind: party-political</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 stay(s) behind: private</source>
        <translation><numerusform>%1 stays behind: private</numerusform><numerusform>%1 stay behind: private</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 message(s) go to the archive</source>
        <translation><numerusform>%1 message goes to the archive</numerusform><numerusform>%1 messages go to the archive</numerusform></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>What will leave, per conversation</source>
        <translation>What will leave, per conversation</translation>
    </message>
    <message>
        <source>Unmarked messages are business and go to the archive. Click a conversation to open it.</source>
        <translation>Unmarked messages are business and go to the archive. Click a conversation to open it.</translation>
    </message>
    <message>
        <source>Back to the conversations (Esc)</source>
        <translation>Back to the conversations (Esc)</translation>
    </message>
    <message>
        <source>Back to the review</source>
        <translation>Back to the review</translation>
    </message>
    <message>
        <source>What will leave</source>
        <translation>What will leave</translation>
    </message>
    <message>
        <source>Click or press Enter to open this conversation</source>
        <translation>Click or press Enter to open this conversation</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>No in-scope period is set: every message counts.</source>
        <translation>No in-scope period is set: every message counts.</translation>
    </message>
    <message>
        <source>In-scope period: until %1, no start date.</source>
        <translation>In-scope period: until %1, no start date.</translation>
    </message>
    <message>
        <source>In-scope period: from %1, no end date.</source>
        <translation>In-scope period: from %1, no end date.</translation>
    </message>
    <message>
        <source>In-scope period: from %1 to %2.</source>
        <translation>In-scope period: from %1 to %2.</translation>
    </message>
    <message>
        <source>The in-scope period is the time the archive asks for (usually the term of office); messages sent outside it are not part of this transfer.</source>
        <translation>The in-scope period is the time the archive asks for (usually the term of office); messages sent outside it are not part of this transfer.</translation>
    </message>
    <message>
        <source>Proposals or conversations the minister has not confirmed yet.</source>
        <translation>Proposals or conversations the minister has not confirmed yet.</translation>
    </message>
    <message>
        <source>Not confirmed
yet</source>
        <translation>Not confirmed
yet</translation>
    </message>
    <message>
        <source>Nobody has looked at these yet. Unmarked messages count as business.</source>
        <translation>Nobody has looked at these yet. Unmarked messages count as business.</translation>
    </message>
    <message>
        <source>Not reviewed
yet</source>
        <translation>Not reviewed
yet</translation>
    </message>
    <message>
        <source>In doubt</source>
        <translation>In doubt</translation>
    </message>
    <message>
        <source>Sent before or after the in-scope period: they never leave.</source>
        <translation>Sent before or after the in-scope period: they never leave.</translation>
    </message>
    <message>
        <source>Stays behind:
outside the period</source>
        <translation>Stays behind:
outside the period</translation>
    </message>
    <message>
        <source>Marked party-political: they never leave.</source>
        <translation>Marked party-political: they never leave.</translation>
    </message>
    <message>
        <source>Stays behind:
party-political</source>
        <translation>Stays behind:
party-political</translation>
    </message>
    <message>
        <source>Marked private: they never leave.</source>
        <translation>Marked private: they never leave.</translation>
    </message>
    <message>
        <source>Stays behind:
private</source>
        <translation>Stays behind:
private</translation>
    </message>
    <message>
        <source>Business messages in the period: they leave with the bundle.</source>
        <translation>Business messages in the period: they leave with the bundle.</translation>
    </message>
    <message>
        <source>Goes to
the archive</source>
        <translation>Goes to
the archive</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>%1 shown; scroll down for more.</source>
        <translation>%1 shown; scroll down for more.</translation>
    </message>
    <message numerus="yes">
        <source>%1 hit(s) for “%2”</source>
        <translation><numerusform>%1 hit for “%2”</numerusform><numerusform>%1 hits for “%2”</numerusform></translation>
    </message>
</context>
<context>
    <name>DoubtDialog</name>
    <message>
        <source>Ask:</source>
        <translation>Ask:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Raise doubt</source>
        <translation>Raise doubt</translation>
    </message>
    <message>
        <source>The bundle cannot be made until the doubt is answered. The question stays in the case.</source>
        <translation>The bundle cannot be made until the doubt is answered. The question stays in the case.</translation>
    </message>
    <message>
        <source>the records officer</source>
        <translation>the records officer</translation>
    </message>
    <message>
        <source>the minister</source>
        <translation>the minister</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>e.g. 'Is this about the party congress?'</source>
        <translation>e.g. 'Is this about the party congress?'</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>In doubt: %1</source>
        <translation>In doubt: %1</translation>
    </message>
    <message>
        <source>Raise a doubt</source>
        <translation>Raise a doubt</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>the records officer</source>
        <translation>the records officer</translation>
    </message>
    <message>
        <source>the minister</source>
        <translation>the minister</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Withdraw the question</source>
        <translation>Withdraw the question</translation>
    </message>
    <message>
        <source>%1 asks %2 about %3:</source>
        <translation>%1 asks %2 about %3:</translation>
    </message>
    <message>
        <source>Answer a doubt</source>
        <translation>Answer a doubt</translation>
    </message>
</context>
<context>
    <name>DoubtController</name>
    <message>
        <source>Doubt answered: %1. Ctrl+Z undoes it.</source>
        <translation>Doubt answered: %1. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>answer a doubt: %1</source>
        <translation>answer a doubt: %1</translation>
    </message>
    <message>
        <source>Doubt withdrawn. Ctrl+Z undoes it.</source>
        <translation>Doubt withdrawn. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>withdraw a doubt</source>
        <translation>withdraw a doubt</translation>
    </message>
    <message>
        <source>this message</source>
        <translation>this message</translation>
    </message>
    <message>
        <source>Nothing selected is in doubt. N goes to the next doubt.</source>
        <translation>Nothing selected is in doubt. N goes to the next doubt.</translation>
    </message>
    <message>
        <source>Doubt raised: the bundle waits until it is answered. Ctrl+Z undoes it.</source>
        <translation>Doubt raised: the bundle waits until it is answered. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>raise a doubt</source>
        <translation>raise a doubt</translation>
    </message>
    <message>
        <source>the whole conversation &quot;%1&quot;</source>
        <translation>the whole conversation &quot;%1&quot;</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation><numerusform>%Ln message(s)</numerusform><numerusform>%Ln message(s)</numerusform></translation>
    </message>
</context>
</TS>
