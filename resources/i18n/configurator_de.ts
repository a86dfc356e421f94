<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>Starting the simulated {model} meter…</source>
        <translation>Simulierter Zähler {model} wird gestartet…</translation>
    </message>
    <message>
        <source>Demo meter did not start: {reason}</source>
        <translation>Der Demo-Zähler ist nicht gestartet: {reason}</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Polling: {reason}</source>
        <translation>Abfrage: {reason}</translation>
    </message>
    <message>
        <source>A write was cancelled; read the settings back to see what the meter holds.</source>
        <translation>Ein Schreibvorgang wurde abgebrochen. Lesen Sie die Einstellungen zurück, um zu sehen, was der Zähler enthält.</translation>
    </message>
    <message>
        <source>The meter now answers at {where}; the connection settings were updated.</source>
        <translation>Der Zähler antwortet jetzt unter {where}; die Verbindungseinstellungen wurden angepasst.</translation>
    </message>
    <message>
        <source>Demo mode: a simulated {model} on {port}.</source>
        <translation>Demo-Modus: ein simulierter {model} an {port}.</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Back up settings…</source>
        <translation>Einstellungen sichern…</translation>
    </message>
    <message>
        <source>Restore from file…</source>
        <translation>Aus Datei wiederherstellen…</translation>
    </message>
    <message>
        <source>Commissioning report (PDF)…</source>
        <translation>Inbetriebnahmeprotokoll (PDF)…</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>In der Datei</translation>
    </message>
    <message>
        <source>On the meter</source>
        <translation>Im Zähler</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Include CT ratio</source>
        <translation>Wandlerverhältnis einbeziehen</translation>
    </message>
    <message>
        <source>The meter accepts only 7 changes of the CT ratio in its lifetime, and none can be undone. Restore it only when this meter&apos;s current transformers match the file.</source>
        <translation>Der Zähler erlaubt während seiner gesamten Lebensdauer nur 7 Änderungen des Wandlerverhältnisses, und keine davon lässt sich rückgängig machen. Stellen Sie es nur wieder her, wenn die Stromwandler dieses Zählers zur Datei passen.</translation>
    </message>
    <message>
        <source>Apply restore</source>
        <translation>Wiederherstellung übernehmen</translation>
    </message>
    <message>
        <source>Connect to a meter first.</source>
        <translation>Zuerst mit einem Zähler verbinden.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>{name} exists already. Replace it?</source>
        <translation>{name} ist bereits vorhanden. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Save the meter&apos;s settings</source>
        <translation>Einstellungen des Zählers speichern</translation>
    </message>
    <message>
        <source>Backup files (*.json)</source>
        <translation>Sicherungsdateien (*.json)</translation>
    </message>
    <message>
        <source>Save the commissioning report</source>
        <translation>Inbetriebnahmeprotokoll speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Open a backup</source>
        <translation>Sicherung öffnen</translation>
    </message>
    <message>
        <source>Reading the meter&apos;s settings…</source>
        <translation>Einstellungen des Zählers werden gelesen…</translation>
    </message>
    <message>
        <source>Saved {count} settings of meter {serial} to {path}.</source>
        <translation>{count} Einstellungen von Zähler {serial} in {path} gespeichert.</translation>
    </message>
    <message>
        <source>Cannot use this file: {reason}</source>
        <translation>Diese Datei ist nicht verwendbar: {reason}</translation>
    </message>
    <message>
        <source>Comparing the file with the meter…</source>
        <translation>Datei wird mit dem Zähler verglichen…</translation>
    </message>
    <message>
        <source>File {name}: a {model}, serial {serial}, saved {when}.</source>
        <translation>Datei {name}: ein {model}, Seriennummer {serial}, gespeichert {when}.</translation>
    </message>
    <message>
        <source>{changes} to change, {same} unchanged.</source>
        <translation>{changes} zu ändern, {same} unverändert.</translation>
    </message>
    <message>
        <source>The file comes from another meter (serial {serial}).</source>
        <translation>Die Datei stammt von einem anderen Zähler (Seriennummer {serial}).</translation>
    </message>
    <message>
        <source>The file&apos;s values together break a rule of the meter; nothing can be written: {reason}</source>
        <translation>Die Werte der Datei verletzen zusammen eine Regel des Zählers; es kann nichts geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Apply restore (1 change)</source>
        <translation>Wiederherstellung übernehmen (1 Änderung)</translation>
    </message>
    <message>
        <source>Apply restore ({count} changes)</source>
        <translation>Wiederherstellung übernehmen ({count} Änderungen)</translation>
    </message>
    <message>
        <source>exists only on {models}</source>
        <translation>nur bei {models} vorhanden</translation>
    </message>
    <message>
        <source>cannot be written over {transport}</source>
        <translation>über {transport} nicht schreibbar</translation>
    </message>
    <message>
        <source>restored only when asked: each change uses one of only 7 and cannot be undone</source>
        <translation>nur auf Wunsch wiederhergestellt: jede Änderung verbraucht eine von nur 7 und ist nicht rückgängig zu machen</translation>
    </message>
    <message>
        <source>belongs to one meter: a template never copies it</source>
        <translation>gehört zu genau einem Zähler: eine Vorlage übernimmt sie nie</translation>
    </message>
    <message>
        <source>the backup holds no value for it</source>
        <translation>die Sicherung enthält keinen Wert dafür</translation>
    </message>
    <message>
        <source>Saving an undo backup, then writing…</source>
        <translation>Sicherung zum Rückgängigmachen wird gespeichert, dann wird geschrieben…</translation>
    </message>
    <message>
        <source>Nothing confirmed: {reason} Some values may have reached the meter: load the file again to compare.</source>
        <translation>Nichts bestätigt: {reason} Einige Werte können den Zähler erreicht haben: Laden Sie die Datei erneut, um zu vergleichen.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>From the file</source>
        <translation>Aus der Datei</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Restore finished: {counts}.</source>
        <translation>Wiederherstellung abgeschlossen: {counts}.</translation>
    </message>
    <message>
        <source>Before writing, the meter&apos;s settings were saved to {path} (restore that file to undo).</source>
        <translation>Vor dem Schreiben wurden die Einstellungen des Zählers in {path} gesichert (diese Datei wiederherstellen, um die Änderung rückgängig zu machen).</translation>
    </message>
    <message>
        <source>The meter now answers at {where}; the connection settings were updated.</source>
        <translation>Der Zähler antwortet jetzt unter {where}; die Verbindungseinstellungen wurden angepasst.</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Abgebrochen: {reason}</translation>
    </message>
    <message>
        <source>Reading the meter for the report…</source>
        <translation>Zähler wird für das Protokoll gelesen…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>PDF wird geschrieben…</translation>
    </message>
    <message>
        <source>Saved the commissioning report to {path}.</source>
        <translation>Inbetriebnahmeprotokoll in {path} gespeichert.</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <source>will change</source>
        <translation>wird geändert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>not on this model</source>
        <translation>bei diesem Modell nicht vorhanden</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>not in file</source>
        <translation>nicht in der Datei</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>not attempted</source>
        <translation>nicht versucht</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Modbus RTU (RS-485 serial)</source>
        <translation>Modbus RTU (RS-485, seriell)</translation>
    </message>
    <message>
        <source>M-Bus (serial)</source>
        <translation>M-Bus (seriell)</translation>
    </message>
    <message>
        <source>Bluetooth LE</source>
        <translation>Bluetooth LE</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Pick a port or type a path (a /dev/serial/by-id name survives re-plugging).</source>
        <translation>Schnittstelle wählen oder Pfad eingeben (ein Name unter /dev/serial/by-id bleibt nach erneutem Einstecken gültig).</translation>
    </message>
    <message>
        <source>Bluetooth LE meter: address or name IM-&lt;serial&gt;.</source>
        <translation>Bluetooth-LE-Zähler: Adresse oder Name IM-&lt;Seriennummer&gt;.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serielle Schnittstelle</translation>
    </message>
    <message>
        <source>Bluetooth device</source>
        <translation>Bluetooth-Gerät</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baudrate</translation>
    </message>
    <message>
        <source>Parity</source>
        <translation>Parität</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Answers at</source>
        <translation>Antwortet unter</translation>
    </message>
    <message>
        <source>Recent connections (double-click to connect)</source>
        <translation>Letzte Verbindungen (Doppelklick zum Verbinden)</translation>
    </message>
    <message>
        <source>{rate} baud</source>
        <translation>{rate} Baud</translation>
    </message>
    <message>
        <source>Bluetooth LE uses the meter password as pairing PIN: enter it on the Password page (kept in memory only).</source>
        <translation>Bluetooth LE verwendet das Zählerpasswort als Kopplungs-PIN: Geben Sie es auf der Seite „Passwort“ ein (wird nur im Arbeitsspeicher gehalten).</translation>
    </message>
    <message>
        <source>M-Bus reaches the meter through an M-Bus level converter; the factory primary address is 0.</source>
        <translation>M-Bus erreicht den Zähler über einen M-Bus-Pegelwandler; die Primäradresse ab Werk ist 0.</translation>
    </message>
    <message>
        <source>Connecting: {where}</source>
        <translation>Verbindung wird aufgebaut: {where}</translation>
    </message>
    <message>
        <source>Connected to a {model}, serial {serial}.</source>
        <translation>Verbunden mit einem {model}, Seriennummer {serial}.</translation>
    </message>
    <message>
        <source>Not available yet: {reason}</source>
        <translation>Noch nicht verfügbar: {reason}</translation>
    </message>
    <message>
        <source>Auto-detect: starting…</source>
        <translation>Automatische Erkennung: Start…</translation>
    </message>
    <message>
        <source>Auto-detect: trying {what} ({done}/{total})</source>
        <translation>Automatische Erkennung: versuche {what} ({done}/{total})</translation>
    </message>
    <message>
        <source>No meter answered at any likely setting. Check the wiring (A/B swapped?), the adapter and the termination.</source>
        <translation>Bei keiner der wahrscheinlichen Einstellungen hat ein Zähler geantwortet. Prüfen Sie die Verdrahtung (A/B vertauscht?), den Adapter und den Busabschluss.</translation>
    </message>
    <message>
        <source>Found a {model} at {where}.</source>
        <translation>{model} gefunden unter {where}.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Bluetooth LE discovery is not available in this build.</source>
        <translation>Die Bluetooth-LE-Suche ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>Searching for Bluetooth LE meters…</source>
        <translation>Suche nach Bluetooth-LE-Zählern…</translation>
    </message>
    <message>
        <source>Bluetooth LE meters found: {count}.</source>
        <translation>Gefundene Bluetooth-LE-Zähler: {count}.</translation>
    </message>
    <message>
        <source>Demo mode: a simulated {model} on a pseudo-terminal. Nothing you change here touches a real meter.</source>
        <translation>Demo-Modus: ein simulierter {model} an einem Pseudo-Terminal. Nichts, was Sie hier ändern, betrifft einen echten Zähler.</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>⚠ CHECKSUM MISMATCH. </source>
        <translation>⚠ PRÜFSUMME STIMMT NICHT. </translation>
    </message>
</context>
<context>
    <name>CountersPage</name>
    <message>
        <source>Reset…</source>
        <translation>Zurücksetzen…</translation>
    </message>
    <message>
        <source>Reset a counter?</source>
        <translation>Zählwerk zurücksetzen?</translation>
    </message>
    <message>
        <source>The old value is gone afterwards.</source>
        <translation>Der alte Wert ist danach verloren.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>✔ {action}: the meter now reads {value}.</source>
        <translation>✔ {action}: Der Zähler zeigt jetzt {value}.</translation>
    </message>
</context>
<context>
    <name>CtPage</name>
    <message>
        <source>Ratio in use</source>
        <translation>Aktuelles Wandlerverhältnis</translation>
    </message>
    <message>
        <source>Changes left (of {total})</source>
        <translation>Verbleibende Änderungen (von {total})</translation>
    </message>
    <message>
        <source>New ratio</source>
        <translation>Neues Verhältnis</translation>
    </message>
    <message>
        <source>Read from meter</source>
        <translation>Vom Zähler lesen</translation>
    </message>
    <message>
        <source>Change CT ratio…</source>
        <translation>Wandlerverhältnis ändern…</translation>
    </message>
    <message>
        <source>&lt;b&gt;CT history&lt;/b&gt; (one entry per change made)</source>
        <translation>&lt;b&gt;Wandler-Historie&lt;/b&gt; (ein Eintrag je Änderung)</translation>
    </message>
    <message>
        <source>Ratio
before</source>
        <translation>Verhältnis
vorher</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>This meter is a {model}: only the 2PU CT (879-3040) has a CT ratio.</source>
        <translation>Dieser Zähler ist ein {model}: Nur der 2PU CT (879-3040) hat ein Wandlerverhältnis.</translation>
    </message>
    <message>
        <source>Connect to a 2PU CT meter to see its CT ratio.</source>
        <translation>Verbinden Sie einen 2PU-CT-Zähler, um sein Wandlerverhältnis zu sehen.</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>All 7 changes are used: the CT ratio can no longer be changed.</source>
        <translation>Alle 7 Änderungen sind verbraucht: Das Wandlerverhältnis kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>The meter already uses {ratio}.</source>
        <translation>Der Zähler verwendet bereits {ratio}.</translation>
    </message>
    <message>
        <source>Change the CT ratio?</source>
        <translation>Wandlerverhältnis ändern?</translation>
    </message>
    <message>
        <source>Change the CT ratio from {old} to {new}?</source>
        <translation>Wandlerverhältnis von {old} auf {new} ändern?</translation>
    </message>
    <message>
        <source>This uses one of the {total} CT ratio changes the meter allows ({left} will be left). It cannot be undone: the old ratio and the energy readings are frozen in the CT history.</source>
        <translation>Dies verbraucht eine der {total} Änderungen des Wandlerverhältnisses, die der Zähler erlaubt (danach bleiben {left}). Es kann nicht rückgängig gemacht werden: Das alte Verhältnis und die Energiezählerstände werden in der Wandler-Historie eingefroren.</translation>
    </message>
    <message>
        <source>Use one change and write</source>
        <translation>Eine Änderung verbrauchen und schreiben</translation>
    </message>
    <message>
        <source>Not changed.</source>
        <translation>Nicht geändert.</translation>
    </message>
    <message>
        <source>Writing the CT ratio…</source>
        <translation>Wandlerverhältnis wird geschrieben…</translation>
    </message>
    <message>
        <source>Not confirmed: {reason} Read from the meter to see what it holds.</source>
        <translation>Nicht bestätigt: {reason} Lesen Sie den Zähler, um zu sehen, was er enthält.</translation>
    </message>
    <message>
        <source>✔ The meter now uses {ratio}.</source>
        <translation>✔ Der Zähler verwendet jetzt {ratio}.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <source>Transactions</source>
        <translation>Transaktionen</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Zeitüberschreitungen</translation>
    </message>
    <message>
        <source>CRC / frame errors</source>
        <translation>CRC-/Rahmenfehler</translation>
    </message>
    <message>
        <source>Meter exceptions</source>
        <translation>Zähler-Ausnahmen</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Bytes gesendet</translation>
    </message>
    <message>
        <source>Bytes received</source>
        <translation>Bytes empfangen</translation>
    </message>
    <message>
        <source>Q1 import, inductive</source>
        <translation>Q1 Bezug, induktiv</translation>
    </message>
    <message>
        <source>Q2 export, capacitive</source>
        <translation>Q2 Lieferung, kapazitiv</translation>
    </message>
    <message>
        <source>Q3 export, inductive</source>
        <translation>Q3 Lieferung, induktiv</translation>
    </message>
    <message>
        <source>Q4 import, capacitive</source>
        <translation>Q4 Bezug, kapazitiv</translation>
    </message>
    <message>
        <source>quadrant —</source>
        <translation>Quadrant —</translation>
    </message>
    <message>
        <source>Total: quadrant —</source>
        <translation>Gesamt: Quadrant —</translation>
    </message>
    <message>
        <source>Polls: {count}</source>
        <translation>Abfragen: {count}</translation>
    </message>
    <message>
        <source>Follow new frames</source>
        <translation>Neuen Telegrammen folgen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected frames (all frames when none is selected).</source>
        <translation>Ausgewählte Telegramme kopieren (alle, wenn keines ausgewählt ist).</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Traffic&lt;/b&gt; (every frame; errors in red)</source>
        <translation>&lt;b&gt;Datenverkehr&lt;/b&gt; (jedes Telegramm; Fehler rot)</translation>
    </message>
    <message>
        <source>{phase}: ← R  EXPORT / REVERSED</source>
        <translation>{phase}: ← R  LIEFERUNG / UMGEKEHRT</translation>
    </message>
    <message>
        <source>{phase}: → F  import</source>
        <translation>{phase}: → F  Bezug</translation>
    </message>
    <message>
        <source>Total: {quadrant}</source>
        <translation>Gesamt: {quadrant}</translation>
    </message>
    <message>
        <source>quadrant {number}</source>
        <translation>Quadrant {number}</translation>
    </message>
    <message>
        <source>Saved the traffic log to {path}.</source>
        <translation>Verkehrsprotokoll in {path} gespeichert.</translation>
    </message>
    <message>
        <source>Save traffic log</source>
        <translation>Verkehrsprotokoll speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt *.tsv)</source>
        <translation>Textdateien (*.txt *.tsv)</translation>
    </message>
</context>
<context>
    <name>EnergyPage</name>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>Power</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Active power</source>
        <translation>Wirkleistung</translation>
    </message>
    <message>
        <source>Reactive power</source>
        <translation>Blindleistung</translation>
    </message>
    <message>
        <source>Apparent power</source>
        <translation>Scheinleistung</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>Spannung</translation>
    </message>
    <message>
        <source>Phase voltage</source>
        <translation>Strangspannung</translation>
    </message>
    <message>
        <source>Line-to-line voltage</source>
        <translation>Außenleiterspannung</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Strom</translation>
    </message>
    <message>
        <source>Frequency &amp;&amp; PF</source>
        <translation>Frequenz &amp;&amp; cos φ</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequenz</translation>
    </message>
    <message>
        <source>Power factor</source>
        <translation>Leistungsfaktor</translation>
    </message>
    <message>
        <source>P total</source>
        <translation>P gesamt</translation>
    </message>
    <message>
        <source>Q total</source>
        <translation>Q gesamt</translation>
    </message>
    <message>
        <source>S total</source>
        <translation>S gesamt</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>Poll every</source>
        <translation>Abfrage alle</translation>
    </message>
    <message>
        <source>Show last</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Autoscale</source>
        <translation>Autoskalieren</translation>
    </message>
    <message>
        <source>Zoom with the mouse wheel or a right-drag; this undoes it.</source>
        <translation>Zoomen mit dem Mausrad oder durch Ziehen mit der rechten Maustaste; dies macht es rückgängig.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG speichern…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Saved {rows} rows to {path}.</source>
        <translation>{rows} Zeilen in {path} gespeichert.</translation>
    </message>
    <message>
        <source>Saved the chart to {path}.</source>
        <translation>Diagramm in {path} gespeichert.</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>{path} konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WAGO 879-30xx Meter Configurator {version}</source>
        <translation>WAGO 879-30xx Zähler-Konfigurator {version}</translation>
    </message>
    <message>
        <source>○ Not connected</source>
        <translation>○ Nicht verbunden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language changes to {language} when the app is started next.</source>
        <translation>Die Sprache wechselt beim nächsten Start der Anwendung zu {language}.</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Verbunden</translation>
    </message>
    <message>
        <source>… Connecting</source>
        <translation>… Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <source>✖ Connection lost</source>
        <translation>✖ Verbindung verloren</translation>
    </message>
    <message>
        <source> (attempt {number})</source>
        <translation> (Versuch {number})</translation>
    </message>
    <message>
        <source>⚠ Connection to the meter lost — reconnecting automatically{attempt}…</source>
        <translation>⚠ Verbindung zum Zähler verloren — automatischer Neuaufbau{attempt}…</translation>
    </message>
    <message>
        <source>⚠ REVERSED CURRENT on {phases}: energy flows out of the meter on that phase. If this is not a generator, a current transformer or the phase wiring is the wrong way round — check it before trusting the readings.</source>
        <translation>⚠ UMGEKEHRTE STROMRICHTUNG auf {phases}: Auf dieser Phase fließt Energie aus dem Zähler heraus. Wenn dies kein Erzeuger ist, ist ein Stromwandler oder die Phasenverdrahtung verkehrt herum angeschlossen — prüfen Sie das, bevor Sie den Messwerten vertrauen.</translation>
    </message>
    <message>
        <source>Waiting for a write to the meter to finish before closing…</source>
        <translation>Vor dem Schließen wird auf das Ende eines Schreibvorgangs gewartet…</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Backup &amp; restore</source>
        <translation>Sicherung &amp; Wiederherstellung</translation>
    </message>
    <message>
        <source>Save the meter&apos;s settings to a file and restore them later, or write the commissioning report. A restore first shows what would change; nothing is written until you press Apply.</source>
        <translation>Einstellungen des Zählers in einer Datei sichern und später wiederherstellen oder das Inbetriebnahmeprotokoll erstellen. Eine Wiederherstellung zeigt zuerst, was sich ändern würde; geschrieben wird erst nach „Übernehmen“.</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Settings (menu 6.7)</source>
        <translation>Einstellungen (Menü 6.7)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Choose how the meter is attached. The factory settings are pre-filled; &apos;Auto-detect&apos; tries the likely baud rates, parities and addresses for you.</source>
        <translation>Wählen Sie, wie der Zähler angeschlossen ist. Die Werkseinstellungen sind vorausgefüllt; „Automatisch erkennen“ probiert die wahrscheinlichen Baudraten, Paritäten und Adressen für Sie durch.</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Zählwerke</translation>
    </message>
    <message>
        <source>The power-down counter counts how often the meter lost its supply (6.7.12); the day counter (trip counter, 6.7.13) runs beside the total energy and may be reset at any time. The MID totals can never be reset.</source>
        <translation>Der Spannungsausfallzähler zählt, wie oft der Zähler seine Versorgung verloren hat (6.7.12); das Tageszählwerk (6.7.13) läuft neben der Gesamtenergie mit und kann jederzeit zurückgesetzt werden. Die MID-Gesamtzählwerke lassen sich nie zurücksetzen.</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>Wandlerverhältnis</translation>
    </message>
    <message>
        <source>The ratio of the current transformers on a 2PU CT (manual 6.9): primary 1-9999 A with /1 A, or 5-9995 A with /5 A. The meter allows only 7 changes in its life; each one freezes the old ratio and the energy readings in a history entry.</source>
        <translation>Das Übersetzungsverhältnis der Stromwandler am 2PU CT (Handbuch 6.9): primär 1-9999 A bei /1 A oder 5-9995 A bei /5 A. Der Zähler erlaubt in seiner Lebensdauer nur 7 Änderungen; jede friert das alte Verhältnis und die Energiezählerstände in einem Historieneintrag ein.</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Energy registers by direction, tariff and phase, refreshed with the polling interval. The small code under each value is its OBIS code (manual 6.8).</source>
        <translation>Energieregister nach Richtung, Tarif und Phase, im Abfrageintervall aktualisiert. Der kleine Code unter jedem Wert ist seine OBIS-Kennzahl (Handbuch 6.8).</translation>
    </message>
    <message>
        <source>Live values</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The meter&apos;s 4-digit password (factory 0000) protects its settings menu. It can only be changed with the buttons on the meter itself (manual 6.7.1) — not over Modbus, M-Bus or Bluetooth.</source>
        <translation>Das 4-stellige Passwort des Zählers (ab Werk 0000) schützt sein Einstellmenü. Es lässt sich nur mit den Tasten am Zähler selbst ändern (Handbuch 6.7.1) — nicht über Modbus, M-Bus oder Bluetooth.</translation>
    </message>
    <message>
        <source>Tariff</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>The tariff the meter counts in now (manual 6.7.2), and how the total register combines import and export.</source>
        <translation>Der Tarif, in dem der Zähler gerade zählt (Handbuch 6.7.2), und wie das Gesamtregister Bezug und Lieferung verrechnet.</translation>
    </message>
    <message>
        <source>S0 output</source>
        <translation>S0-Impulsausgang</translation>
    </message>
    <message>
        <source>The two open-collector pulse outputs (manual 6.7.3-6.7.5): pulses per kWh, what each output counts, and the pulse length.</source>
        <translation>Die beiden Open-Collector-Impulsausgänge (Handbuch 6.7.3-6.7.5): Impulse je kWh, was jeder Ausgang zählt, und die Impulslänge.</translation>
    </message>
    <message>
        <source>Modbus</source>
        <translation>Modbus</translation>
    </message>
    <message>
        <source>Modbus ID, baud rate and parity (manual 6.7.6-6.7.8). Changing them moves the link: the app follows the meter to its new settings and updates the connection.</source>
        <translation>Modbus-ID, Baudrate und Parität (Handbuch 6.7.6-6.7.8). Eine Änderung verlegt die Verbindung: Die Anwendung folgt dem Zähler auf die neuen Einstellungen und passt die Verbindung an.</translation>
    </message>
    <message>
        <source>M-Bus</source>
        <translation>M-Bus</translation>
    </message>
    <message>
        <source>M-Bus primary and secondary address and baud rate (manual 6.7.9-6.7.10). These are written over an M-Bus connection or on the meter&apos;s menu.</source>
        <translation>M-Bus-Primär- und -Sekundäradresse und Baudrate (Handbuch 6.7.9-6.7.10). Sie werden über eine M-Bus-Verbindung oder im Menü des Zählers eingestellt.</translation>
    </message>
    <message>
        <source>Backlight</source>
        <translation>Beleuchtung</translation>
    </message>
    <message>
        <source>When the display is lit (manual 6.7.11).</source>
        <translation>Wann die Anzeige beleuchtet ist (Handbuch 6.7.11).</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>How the display cycles through values, which way up it is, and whether it shows OBIS codes (manual 6.7.14).</source>
        <translation>Wie die Anzeige durch die Werte blättert, wie herum sie steht und ob sie OBIS-Kennzahlen zeigt (Handbuch 6.7.14).</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <source>The same password is the pairing PIN for Bluetooth LE. Enter it here before connecting over Bluetooth: it is kept in memory for this session only and is never written to disk.</source>
        <translation>Dasselbe Passwort ist die Kopplungs-PIN für Bluetooth LE. Geben Sie es hier ein, bevor Sie über Bluetooth verbinden: Es wird nur für diese Sitzung im Arbeitsspeicher gehalten und nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Bluetooth PIN (meter password)</source>
        <translation>Bluetooth-PIN (Zählerpasswort)</translation>
    </message>
    <message>
        <source>PIN held in memory for Bluetooth LE connections.</source>
        <translation>PIN für Bluetooth-LE-Verbindungen im Arbeitsspeicher gehalten.</translation>
    </message>
    <message>
        <source>The PIN has {digits} digits.</source>
        <translation>Die PIN hat {digits} Stellen.</translation>
    </message>
</context>
<context>
    <name>Registers</name>
    <message>
        <source>Power-down counter</source>
        <translation>Spannungsausfallzähler</translation>
    </message>
    <message>
        <source>Total active energy</source>
        <translation>Wirkenergie gesamt</translation>
    </message>
    <message>
        <source>Active energy import</source>
        <translation>Wirkenergie Bezug</translation>
    </message>
    <message>
        <source>Active energy export</source>
        <translation>Wirkenergie Lieferung</translation>
    </message>
    <message>
        <source>Total reactive energy</source>
        <translation>Blindenergie gesamt</translation>
    </message>
    <message>
        <source>Reactive energy import</source>
        <translation>Blindenergie Bezug</translation>
    </message>
    <message>
        <source>Reactive energy export</source>
        <translation>Blindenergie Lieferung</translation>
    </message>
    <message>
        <source>Resettable day register</source>
        <translation>Rücksetzbares Tageszählwerk</translation>
    </message>
    <message>
        <source>Import inductive reactive energy Q1</source>
        <translation>Blindenergie Bezug induktiv Q1</translation>
    </message>
    <message>
        <source>Import capacitive reactive energy Q2</source>
        <translation>Blindenergie Bezug kapazitiv Q2</translation>
    </message>
    <message>
        <source>Export inductive reactive energy Q3</source>
        <translation>Blindenergie Lieferung induktiv Q3</translation>
    </message>
    <message>
        <source>Export capacitive reactive energy Q4</source>
        <translation>Blindenergie Lieferung kapazitiv Q4</translation>
    </message>
</context>
<context>
    <name>S0Page</name>
    <message>
        <source>The longest pulse width depends on the pulse rate and the meter model; connect to see it.</source>
        <translation>Die größte Impulslänge hängt von der Impulsrate und dem Zählermodell ab; verbinden Sie einen Zähler, um sie zu sehen.</translation>
    </message>
    <message>
        <source>At {rate} imp/kWh a {model} allows pulse widths of 2-{limit} ms (pulses must not overlap at full load).</source>
        <translation>Bei {rate} Imp./kWh erlaubt ein {model} Impulslängen von 2-{limit} ms (Impulse dürfen sich bei Volllast nicht überlappen).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Active tariff</source>
        <translation>Aktiver Tarif</translation>
    </message>
    <message>
        <source>Energy counted in T3 and T4 stays in the MID display area and can never be removed or reset (manual A1.2).</source>
        <translation>In T3 und T4 gezählte Energie bleibt im MID-Anzeigebereich und kann nie entfernt oder zurückgesetzt werden (Handbuch A1.2).</translation>
    </message>
    <message>
        <source>T2 is also selected by 230 V AC on terminals 10-11.</source>
        <translation>T2 wird auch durch 230 V AC an den Klemmen 10-11 gewählt.</translation>
    </message>
    <message>
        <source>S0 pulse rate</source>
        <translation>S0-Impulsrate</translation>
    </message>
    <message>
        <source>S0 pulse type</source>
        <translation>S0-Impulsart</translation>
    </message>
    <message>
        <source>active-reactive: output 1 active, output 2 reactive energy; import-export: output 1 import, output 2 export active energy.</source>
        <translation>Wirk-Blind: Ausgang 1 Wirkenergie, Ausgang 2 Blindenergie; Bezug-Lieferung: Ausgang 1 Bezug, Ausgang 2 Lieferung (Wirkenergie).</translation>
    </message>
    <message>
        <source>S0 pulse width</source>
        <translation>S0-Impulslänge</translation>
    </message>
    <message>
        <source>The longest width allowed depends on the pulse rate.</source>
        <translation>Die größte zulässige Impulslänge hängt von der Impulsrate ab.</translation>
    </message>
    <message>
        <source>Modbus ID</source>
        <translation>Modbus-ID</translation>
    </message>
    <message>
        <source>Modbus baud rate</source>
        <translation>Modbus-Baudrate</translation>
    </message>
    <message>
        <source>Modbus parity</source>
        <translation>Modbus-Parität</translation>
    </message>
    <message>
        <source>M-Bus primary address</source>
        <translation>M-Bus-Primäradresse</translation>
    </message>
    <message>
        <source>M-Bus secondary address</source>
        <translation>M-Bus-Sekundäradresse</translation>
    </message>
    <message>
        <source>M-Bus baud rate</source>
        <translation>M-Bus-Baudrate</translation>
    </message>
    <message>
        <source>Backlight</source>
        <translation>Beleuchtung</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>Wandlerverhältnis</translation>
    </message>
    <message>
        <source>Each change of the CT ratio uses one of only 7 allowed changes and cannot be undone (manual 6.9).</source>
        <translation>Jede Änderung des Wandlerverhältnisses verbraucht eine von nur 7 erlaubten Änderungen und kann nicht rückgängig gemacht werden (Handbuch 6.9).</translation>
    </message>
    <message>
        <source>Combination code</source>
        <translation>Kombinationscode</translation>
    </message>
    <message>
        <source>1 import only, 2 export only, 3 import + export, 4 import - export, 5 import - export (10).</source>
        <translation>1 nur Bezug, 2 nur Lieferung, 3 Bezug + Lieferung, 4 Bezug - Lieferung, 5 Bezug - Lieferung (10).</translation>
    </message>
    <message>
        <source>LCD rolling time</source>
        <translation>LCD-Wechselzeit</translation>
    </message>
    <message>
        <source>Display rotated 180°</source>
        <translation>Anzeige um 180° gedreht</translation>
    </message>
    <message>
        <source>OBIS codes on display</source>
        <translation>OBIS-Kennzahlen in der Anzeige</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Reset the resettable day counter (kWh)</source>
        <translation>Rücksetzbares Tageszählwerk zurücksetzen (kWh)</translation>
    </message>
    <message>
        <source>Reset the power-down counter</source>
        <translation>Spannungsausfallzähler zurücksetzen</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>✔ written</source>
        <translation>✔ geschrieben</translation>
    </message>
    <message>
        <source>= unchanged</source>
        <translation>= unverändert</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ fehlgeschlagen</translation>
    </message>
    <message>
        <source>… not attempted</source>
        <translation>… nicht versucht</translation>
    </message>
    <message>
        <source>✔ acknowledged</source>
        <translation>✔ quittiert</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>On the meter</source>
        <translation>Im Zähler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>{key} — manual {menu}</source>
        <translation>{key} — Handbuch {menu}</translation>
    </message>
    <message>
        <source>Read from meter</source>
        <translation>Vom Zähler lesen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Not available here: {reason}</source>
        <translation>Hier nicht verfügbar: {reason}</translation>
    </message>
    <message>
        <source>Connect to a meter first.</source>
        <translation>Zuerst mit einem Zähler verbinden.</translation>
    </message>
    <message>
        <source>unreadable ({reason})</source>
        <translation>nicht lesbar ({reason})</translation>
    </message>
    <message>
        <source>Not written yet — {changes}</source>
        <translation>Noch nicht geschrieben — {changes}</translation>
    </message>
    <message>
        <source>Apply 1 change</source>
        <translation>1 Änderung übernehmen</translation>
    </message>
    <message>
        <source>Apply {count} changes</source>
        <translation>{count} Änderungen übernehmen</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Wird geschrieben…</translation>
    </message>
    <message>
        <source>Nothing confirmed: {reason} Some values may have reached the meter: press &apos;Read from meter&apos; once it answers again.</source>
        <translation>Nichts bestätigt: {reason} Einige Werte können den Zähler erreicht haben: Drücken Sie „Vom Zähler lesen“, sobald er wieder antwortet.</translation>
    </message>
    <message>
        <source>The meter now answers at {where}.</source>
        <translation>Der Zähler antwortet jetzt unter {where}.</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Abgebrochen: {reason}</translation>
    </message>
</context>
<context>
    <name>TariffPage</name>
    <message>
        <source>Selecting T{tariff}: {warning}</source>
        <translation>Auswahl T{tariff}: {warning}</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Unexpected failure: {error}</source>
        <translation>Unerwarteter Fehler: {error}</translation>
    </message>
</context>
<context>
    <name>TrafficModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Dir</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Frame (hex)</source>
        <translation>Telegramm (hex)</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>button</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>even</source>
        <translation>gerade</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>ungerade</translation>
    </message>
    <message>
        <source>active-reactive</source>
        <translation>Wirk-Blind</translation>
    </message>
    <message>
        <source>import-export</source>
        <translation>Bezug-Lieferung</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>Ganzzahl</translation>
    </message>
</context>
</TS>
