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
        <source>Demo mode: a simulated {model} over Bluetooth LE as {name}.</source>
        <translation>Demo-Modus: ein simulierter {model} über Bluetooth LE als {name}.</translation>
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
        <source>empty: by primary address</source>
        <translation>leer: über die Primäradresse</translation>
    </message>
    <message>
        <source>M-Bus meter by its 8-digit secondary address; &apos;Search bus&apos; fills it in.</source>
        <translation>M-Bus-Zähler über seine 8-stellige Sekundäradresse; „Bus durchsuchen“ trägt sie ein.</translation>
    </message>
    <message>
        <source>Search bus (secondary addresses)</source>
        <translation>Bus durchsuchen (Sekundäradressen)</translation>
    </message>
    <message>
        <source>Find every meter on the M-Bus, even several at the same primary address.</source>
        <translation>Findet jeden Zähler am M-Bus, auch mehrere mit derselben Primäradresse.</translation>
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
        <source>Secondary address</source>
        <translation>Sekundäradresse</translation>
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
        <source>Click a meter to take its secondary address, double-click to connect.</source>
        <translation>Klick auf einen Zähler übernimmt seine Sekundäradresse, Doppelklick verbindet.</translation>
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
        <source>Several meters at the same primary address are told apart by their secondary address: &apos;Search bus&apos; finds them all.</source>
        <translation>Mehrere Zähler mit derselben Primäradresse werden über ihre Sekundäradresse unterschieden: „Bus durchsuchen“ findet sie alle.</translation>
    </message>
    <message>
        <source>secondary address {secondary}</source>
        <translation>Sekundäradresse {secondary}</translation>
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
        <source>serial {serial}</source>
        <translation>Seriennummer {serial}</translation>
    </message>
    <message>
        <source>Bluetooth LE meters found: {count}.</source>
        <translation>Gefundene Bluetooth-LE-Zähler: {count}.</translation>
    </message>
    <message>
        <source>Searching the M-Bus by secondary address at {baud} baud…</source>
        <translation>Durchsuche den M-Bus nach Sekundäradressen mit {baud} Baud…</translation>
    </message>
    <message>
        <source>On M-Bus, auto-detect is the search by secondary address: it finds every meter on the bus, even several at the factory primary address 0.</source>
        <translation>Am M-Bus ist die automatische Erkennung die Suche nach Sekundäradressen: Sie findet jeden Zähler am Bus, auch mehrere mit der werkseitigen Primäradresse 0.</translation>
    </message>
    <message>
        <source>Searching the M-Bus…</source>
        <translation>Durchsuche den M-Bus…</translation>
    </message>
    <message>
        <source>Searching secondary addresses {pattern}: {count} found</source>
        <translation>Suche Sekundäradressen {pattern}: {count} gefunden</translation>
    </message>
    <message>
        <source>No meter answered the secondary-address search. Check the wiring, the M-Bus level converter and the baud rate.</source>
        <translation>Kein Zähler hat auf die Sekundäradressen-Suche geantwortet. Prüfen Sie die Verdrahtung, den M-Bus-Pegelwandler und die Baudrate.</translation>
    </message>
    <message>
        <source>Meters found on the M-Bus: {count}. Double-click one to connect by its secondary address.</source>
        <translation>Am M-Bus gefundene Zähler: {count}. Doppelklick verbindet über die Sekundäradresse.</translation>
    </message>
    <message>
        <source>4PU or 4PS</source>
        <translation>4PU oder 4PS</translation>
    </message>
    <message>
        <source>Secondary address {secondary} · {model} · primary address {primary}</source>
        <translation>Sekundäradresse {secondary} · {model} · Primäradresse {primary}</translation>
    </message>
    <message>
        <source>Not connectable: {why}</source>
        <translation>Nicht verbindbar: {why}</translation>
    </message>
    <message>
        <source>unknown device</source>
        <translation>unbekanntes Gerät</translation>
    </message>
    <message>
        <source>Demo mode: a simulated {model} over simulated Bluetooth LE. Nothing you change here touches a real meter.</source>
        <translation>Demo-Modus: ein simulierter {model} über simuliertes Bluetooth LE. Nichts, was Sie hier ändern, betrifft einen echten Zähler.</translation>
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
    <name>Errors</name>
    <message>
        <source>Invalid value {value!r} for {key}: allowed {allowed}.</source>
        <translation>Ungültiger Wert {value!r} für {key}: zulässig ist {allowed}.</translation>
    </message>
    <message>
        <source>Unknown setting {key!r}; known settings: {known}.</source>
        <translation>Unbekannte Einstellung {key!r}; bekannte Einstellungen: {known}.</translation>
    </message>
    <message>
        <source>an integer {low}-{high} {unit}</source>
        <translation>eine ganze Zahl {low}–{high} {unit}</translation>
    </message>
    <message>
        <source>an integer {low}-{high}</source>
        <translation>eine ganze Zahl {low}–{high}</translation>
    </message>
    <message>
        <source>{allowed} (write the number without separators: the separator is ambiguous)</source>
        <translation>{allowed} (die Zahl ohne Trennzeichen schreiben: das Trennzeichen ist mehrdeutig)</translation>
    </message>
    <message>
        <source>one of {options}</source>
        <translation>einer der Werte {options}</translation>
    </message>
    <message>
        <source>a ratio primary/secondary: 1-9999/1 or 5-9995/5 (e.g. 100/5)</source>
        <translation>ein Verhältnis primär/sekundär: 1–9999/1 oder 5–9995/5 (z. B. 100/5)</translation>
    </message>
    <message>
        <source>exactly {length} digits</source>
        <translation>genau {length} Ziffern</translation>
    </message>
    <message>
        <source>{key} exists only on {models}; this meter is a {model}.</source>
        <translation>{key} gibt es nur beim {models}; dieser Zähler ist ein {model}.</translation>
    </message>
    <message>
        <source>the meter&apos;s menu</source>
        <translation>das Menü des Zählers</translation>
    </message>
    <message>
        <source>{key} cannot be reached over {transport}; set it over {via} or in the meter&apos;s menu ({menu}).</source>
        <translation>{key} ist über {transport} nicht erreichbar; über {via} oder im Menü des Zählers ({menu}) einstellen.</translation>
    </message>
    <message>
        <source>{names} or {last}</source>
        <translation>{names} oder {last}</translation>
    </message>
    <message>
        <source>2-{limit} ms at {rate} imp/kWh on a {model} (pulses must not overlap at full load)</source>
        <translation>2–{limit} ms bei {rate} imp/kWh an einem {model} (die Impulse dürfen sich bei Volllast nicht überlappen)</translation>
    </message>
    <message>
        <source>KEY=VALUE, e.g. tariff=2</source>
        <translation>SCHLÜSSEL=WERT, z. B. tariff=2</translation>
    </message>
    <message>
        <source>reading 0x{address:04X}</source>
        <translation>das Lesen von 0x{address:04X}</translation>
    </message>
    <message>
        <source>Meter {meter} sent {got} registers instead of {count} for 0x{address:04X}.</source>
        <translation>Zähler {meter} hat {got} Register statt {count} für 0x{address:04X} gesendet.</translation>
    </message>
    <message>
        <source>writing 0x{address:04X}</source>
        <translation>das Schreiben von 0x{address:04X}</translation>
    </message>
    <message>
        <source>Meter {meter} sent an incomplete answer ({frame}).</source>
        <translation>Zähler {meter} hat eine unvollständige Antwort gesendet ({frame}).</translation>
    </message>
    <message>
        <source>No answer from meter {meter} within {seconds:.2f} s on {link}.</source>
        <translation>Zeitüberschreitung: keine Antwort von Zähler {meter} innerhalb von {seconds:.2f} s an {link}.</translation>
    </message>
    <message>
        <source>Garbled answer from meter {meter} ({problem}); check wiring, termination and baud rate.</source>
        <translation>Gestörte Antwort von Zähler {meter} ({problem}); Verdrahtung, Busabschluss und Baudrate prüfen.</translation>
    </message>
    <message>
        <source>it does not support that function there</source>
        <translation>er unterstützt diese Funktion dort nicht</translation>
    </message>
    <message>
        <source>it has no such register</source>
        <translation>er hat dieses Register nicht</translation>
    </message>
    <message>
        <source>it refused the value</source>
        <translation>er hat den Wert abgelehnt</translation>
    </message>
    <message>
        <source>it could not carry out the request</source>
        <translation>er konnte die Anfrage nicht ausführen</translation>
    </message>
    <message>
        <source>Meter {meter} answered {what} with exception {code} ({name}): {meaning}.</source>
        <translation>Zähler {meter} hat {what} mit Ausnahme {code} ({name}) beantwortet: {meaning}.</translation>
    </message>
    <message>
        <source>Unknown protocol {protocol!r}: choose one of {known}.</source>
        <translation>Unbekanntes Protokoll {protocol!r}: eines von {known} wählen.</translation>
    </message>
    <message>
        <source>--protocol {protocol} is not available in this version yet; use --protocol modbus.</source>
        <translation>--protocol {protocol} ist in dieser Version noch nicht verfügbar; --protocol modbus verwenden.</translation>
    </message>
    <message>
        <source>No serial port given: use --port (ports present: {ports}), or --demo for a simulated meter.</source>
        <translation>Keine serielle Schnittstelle angegeben: --port verwenden (vorhandene Schnittstellen: {ports}) oder --demo für einen simulierten Zähler.</translation>
    </message>
    <message>
        <source>No meter connected ({reason}).</source>
        <translation>Kein Zähler verbunden ({reason}).</translation>
    </message>
    <message>
        <source>No meter connected.</source>
        <translation>Kein Zähler verbunden.</translation>
    </message>
    <message>
        <source>The device at address {address} answers Modbus but has no meter code register 0x4002: it is not a WAGO 879-30xx (old PRO380 firmware uses another map).</source>
        <translation>Das Gerät an Adresse {address} antwortet über Modbus, hat aber kein Zählercode-Register 0x4002: es ist kein WAGO 879-30xx (ältere PRO380-Firmware nutzt eine andere Registertabelle).</translation>
    </message>
    <message>
        <source>The device at address {address} reports meter code 0x{code:04X}, which is not a WAGO 879-30xx (1111 4PU, 1112 4PS, 1113 2PU CT).</source>
        <translation>Das Gerät an Adresse {address} meldet den Zählercode 0x{code:04X}, das ist kein WAGO 879-30xx (1111 4PU, 1112 4PS, 1113 2PU CT).</translation>
    </message>
    <message>
        <source>A {model} has no CT history.</source>
        <translation>Ein {model} hat keine Wandlerhistorie.</translation>
    </message>
    <message>
        <source>wrote {value} but the meter reads back {after}</source>
        <translation>{value} geschrieben, aber der Zähler liest {after} zurück</translation>
    </message>
    <message>
        <source>secondary address {secondary}</source>
        <translation>Sekundäradresse {secondary}</translation>
    </message>
    <message>
        <source>primary address {address}</source>
        <translation>Primäradresse {address}</translation>
    </message>
    <message>
        <source>No M-Bus meter answers at {where} on {link}: check wiring (terminals 8, 9), baud rate (factory 2400) and address, or run &apos;configurator --protocol mbus scan --secondary&apos;. ({problem})</source>
        <translation>Kein M-Bus-Zähler antwortet an {where} über {link}: Verdrahtung (Klemmen 8, 9), Baudrate (Werkseinstellung 2400) und Adresse prüfen oder „configurator --protocol mbus scan --secondary“ ausführen. ({problem})</translation>
    </message>
    <message>
        <source>{problem} Several meters may share primary address {address} (every meter ships with 0): find them with &apos;configurator --protocol mbus scan --secondary&apos; and address one with --device &lt;secondary address&gt;.</source>
        <translation>{problem} Möglicherweise teilen sich mehrere Zähler die Primäradresse {address} (jeder Zähler wird mit 0 ausgeliefert): mit „configurator --protocol mbus scan --secondary“ finden und einen mit --device &lt;Sekundäradresse&gt; ansprechen.</translation>
    </message>
    <message>
        <source>The device at {where} answers M-Bus without the long header (CI 72) a WAGO 879-30xx sends.</source>
        <translation>Das Gerät an {where} antwortet über M-Bus ohne den langen Kopf (CI 72), den ein WAGO 879-30xx sendet.</translation>
    </message>
    <message>
        <source>The M-Bus device at {where} is {manufacturer}, medium {medium}: not a WAGO 879-30xx (INM, electricity).</source>
        <translation>Das M-Bus-Gerät an {where} ist {manufacturer}, Medium {medium}: kein WAGO 879-30xx (INM, Elektrizität).</translation>
    </message>
    <message>
        <source>The CT history is not carried over M-Bus; read it over Modbus RTU.</source>
        <translation>Die Wandlerhistorie wird über M-Bus nicht übertragen; über Modbus RTU lesen.</translation>
    </message>
    <message>
        <source>{key} cannot be read over M-Bus: the meter&apos;s RSP_UD (manual A2.2) does not carry it, M-Bus can only write it; read it over Modbus RTU or on the display</source>
        <translation>{key} ist über M-Bus nicht lesbar: das RSP_UD des Zählers (Handbuch A2.2) enthält es nicht, M-Bus kann es nur schreiben; über Modbus RTU oder am Display ablesen</translation>
    </message>
    <message>
        <source>the RSP_UD has no tariff record</source>
        <translation>das RSP_UD enthält keinen Tarif-Datensatz</translation>
    </message>
    <message>
        <source>to writing {key}={value}</source>
        <translation>auf das Schreiben von {key}={value}</translation>
    </message>
    <message>
        <source>this meter does not answer the vendor register 0x{address:04X} ({label}) over Bluetooth (exception {code})</source>
        <translation>dieser Zähler beantwortet das Herstellerregister 0x{address:04X} ({label}) über Bluetooth nicht (Ausnahme {code})</translation>
    </message>
    <message>
        <source>{key}: {problem}.</source>
        <translation>{key}: {problem}.</translation>
    </message>
    <message>
        <source>After {what} the meter answers over {link} neither at Modbus address {address} nor at {old_address}.</source>
        <translation>Nach dem Befehl ({what}) antwortet der Zähler über {link} weder an Modbus-Adresse {address} noch an {old_address}.</translation>
    </message>
    <message>
        <source>The meter did not take {what}: it still answers at Modbus address {old_address}.</source>
        <translation>Der Zähler hat {what} nicht übernommen: er antwortet weiterhin an Modbus-Adresse {old_address}.</translation>
    </message>
    <message>
        <source>No Bluetooth LE meter given: use --device ADDRESS or --device IM-&lt;serial&gt; (&apos;configurator ble-scan&apos; lists the meters in range), or --demo for a simulated meter.</source>
        <translation>Kein Bluetooth-LE-Zähler angegeben: --device ADRESSE oder --device IM-&lt;Seriennummer&gt; verwenden („configurator ble-scan“ listet die Zähler in Reichweite) oder --demo für einen simulierten Zähler.</translation>
    </message>
    <message>
        <source>After {what} the meter answers neither at the new setting nor at the old one ({where}, {baud} baud); run &apos;configurator --protocol mbus scan --secondary&apos; to find it.</source>
        <translation>Nach dem Befehl ({what}) antwortet der Zähler weder mit der neuen noch mit der alten Einstellung ({where}, {baud} Baud); mit „configurator --protocol mbus scan --secondary“ suchen.</translation>
    </message>
    <message>
        <source>The meter did not take {what}: it still answers at {where}, {baud} baud.</source>
        <translation>Der Zähler hat {what} nicht übernommen: er antwortet weiterhin an {where}, {baud} Baud.</translation>
    </message>
    <message>
        <source>{action} cannot be done over M-Bus.</source>
        <translation>{action} ist über M-Bus nicht möglich.</translation>
    </message>
    <message>
        <source>to reset {action}</source>
        <translation>auf das Zurücksetzen von {action}</translation>
    </message>
    <message>
        <source>--device {text!r}: over M-Bus give the meter&apos;s 8-digit secondary address (e.g. --device 23000001).</source>
        <translation>--device {text!r}: über M-Bus die 8-stellige Sekundäradresse des Zählers angeben (z. B. --device 23000001).</translation>
    </message>
    <message>
        <source>writing {key}={value}</source>
        <translation>das Schreiben von {key}={value}</translation>
    </message>
    <message>
        <source>After {what} the meter answers neither at the new setting nor at the old one ({line}, address {address}); run &apos;configurator scan&apos; to find it.</source>
        <translation>Nach dem Befehl ({what}) antwortet der Zähler weder mit der neuen noch mit der alten Einstellung ({line}, Adresse {address}); mit „configurator scan“ suchen.</translation>
    </message>
    <message>
        <source>The meter did not take {what}: it still answers at {line}, address {address}.</source>
        <translation>Der Zähler hat {what} nicht übernommen: er antwortet weiterhin mit {line}, Adresse {address}.</translation>
    </message>
    <message>
        <source>A {model} has no {action}.</source>
        <translation>Ein {model} hat keine Funktion „{action}“.</translation>
    </message>
    <message>
        <source>reset {action}</source>
        <translation>das Zurücksetzen von {action}</translation>
    </message>
    <message>
        <source>After reset {action} the meter still reads {after}.</source>
        <translation>Nach dem Zurücksetzen von {action} zeigt der Zähler noch {after}.</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} for the pre-restore backup: {reason}.</source>
        <translation>Der Ordner {folder} für die Sicherung vor der Wiederherstellung kann nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>Too many pre-restore backups of meter {meter} in {folder} this second.</source>
        <translation>Zu viele Sicherungen vor der Wiederherstellung von Zähler {meter} in {folder} in dieser Sekunde.</translation>
    </message>
    <message>
        <source>The plan was made for meter {planned}, but meter {serial} answers now; nothing was written.</source>
        <translation>Der Plan wurde für Zähler {planned} erstellt, jetzt antwortet aber Zähler {serial}; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>--addresses: {part!r} is not an address or a range like 5-7.</source>
        <translation>--addresses: {part!r} ist keine Adresse und kein Bereich wie 5-7.</translation>
    </message>
    <message>
        <source>--addresses: {part!r} is outside {low}-{high} or reversed.</source>
        <translation>--addresses: {part!r} liegt außerhalb {low}-{high} oder ist vertauscht.</translation>
    </message>
    <message>
        <source>--addresses names no address (e.g. 1,2,5-7).</source>
        <translation>--addresses nennt keine Adresse (z. B. 1,2,5-7).</translation>
    </message>
    <message>
        <source>Serial port {port} does not exist (ports present: {ports}).</source>
        <translation>Die serielle Schnittstelle {port} gibt es nicht (vorhandene Schnittstellen: {ports}).</translation>
    </message>
    <message>
        <source>No permission to open {port}: add your user to the &apos;dialout&apos; group (sudo usermod -aG dialout $USER) and log in again.</source>
        <translation>Keine Berechtigung, {port} zu öffnen: den Benutzer der Gruppe „dialout“ hinzufügen (sudo usermod -aG dialout $USER) und neu anmelden.</translation>
    </message>
    <message>
        <source>Serial port {port} is in use by another program.</source>
        <translation>Die serielle Schnittstelle {port} wird von einem anderen Programm benutzt.</translation>
    </message>
    <message>
        <source>Cannot open serial port {port}: {reason}.</source>
        <translation>Die serielle Schnittstelle {port} kann nicht geöffnet werden: {reason}.</translation>
    </message>
    <message>
        <source>Cannot switch {port} to {line}: {reason}.</source>
        <translation>{port} kann nicht auf {line} umgestellt werden: {reason}.</translation>
    </message>
    <message>
        <source>Serial port {port} stopped working (adapter unplugged?): {reason}.</source>
        <translation>Die serielle Schnittstelle {port} funktioniert nicht mehr (Adapter abgezogen?): {reason}.</translation>
    </message>
    <message>
        <source>Serial port {port} is not open.</source>
        <translation>Die serielle Schnittstelle {port} ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Auto-detect covers Modbus RTU; for M-Bus use the secondary search, for Bluetooth LE the device list.</source>
        <translation>Die automatische Erkennung gilt für Modbus RTU; für M-Bus die Sekundäradress-Suche, für Bluetooth LE die Geräteliste verwenden.</translation>
    </message>
    <message>
        <source>{name} is not a configurator backup (it holds no JSON object).</source>
        <translation>{name} ist keine Sicherung des Konfigurators (sie enthält kein JSON-Objekt).</translation>
    </message>
    <message>
        <source>{name} is not a configurator backup of a WAGO 879-30xx meter (format {format!r}, expected {expected!r}).</source>
        <translation>{name} ist keine Konfigurator-Sicherung eines WAGO-879-30xx-Zählers (Format {format!r}, erwartet {expected!r}).</translation>
    </message>
    <message>
        <source>{name} was written by a newer configurator (backup format {version}; this version {program} reads format {readable}): update the configurator to restore it.</source>
        <translation>{name} wurde von einem neueren Konfigurator geschrieben (Sicherungsformat {version}; diese Version {program} liest Format {readable}): zum Wiederherstellen den Konfigurator aktualisieren.</translation>
    </message>
    <message>
        <source>{name} does not match the backup schema at {where}: {problem}.</source>
        <translation>{name} entspricht bei {where} nicht dem Sicherungsschema: {problem}.</translation>
    </message>
    <message>
        <source>{name} holds an invalid setting: {problem}</source>
        <translation>{name} enthält eine ungültige Einstellung: {problem}</translation>
    </message>
    <message>
        <source>Backup file {path} does not exist.</source>
        <translation>Die Sicherungsdatei {path} gibt es nicht.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a backup file.</source>
        <translation>{path} ist ein Ordner, keine Sicherungsdatei.</translation>
    </message>
    <message>
        <source>Cannot read backup file {path}: {reason}.</source>
        <translation>Die Sicherungsdatei {path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>Backup file {path} is empty.</source>
        <translation>Die Sicherungsdatei {path} ist leer.</translation>
    </message>
    <message>
        <source>{path} is not a configurator backup (not UTF-8 text).</source>
        <translation>{path} ist keine Sicherung des Konfigurators (kein UTF-8-Text).</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>corrupt</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <source>Backup file {path} is {kind}: invalid JSON at line {line}, column {column} ({problem}).</source>
        <translation>Die Sicherungsdatei {path} ist {kind}: ungültiges JSON in Zeile {line}, Spalte {column} ({problem}).</translation>
    </message>
    <message>
        <source>Backup file {path}</source>
        <translation>Die Sicherungsdatei {path}</translation>
    </message>
    <message>
        <source>the backup to write</source>
        <translation>die zu schreibende Sicherung</translation>
    </message>
    <message>
        <source>Cannot write {path}: folder {folder} does not exist.</source>
        <translation>{path} kann nicht geschrieben werden: den Ordner {folder} gibt es nicht.</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder.</source>
        <translation>{path} kann nicht geschrieben werden: es ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>{path} kann nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>{path} already exists; it was not replaced.</source>
        <translation>{path} existiert bereits; die Datei wurde nicht ersetzt.</translation>
    </message>
    <message>
        <source>Finding every meter on a bus works over Modbus RTU or M-Bus; Bluetooth LE meters are listed by &apos;configurator ble-scan&apos;.</source>
        <translation>Alle Zähler an einem Bus findet die Suche über Modbus RTU oder M-Bus; Bluetooth-LE-Zähler listet „configurator ble-scan“ auf.</translation>
    </message>
    <message>
        <source>Scan range must lie within 1-247 with first &lt;= last.</source>
        <translation>Der Suchbereich muss innerhalb 1–247 liegen, mit erster &lt;= letzter Adresse.</translation>
    </message>
    <message>
        <source>Backup folder {folder} does not exist.</source>
        <translation>Den Sicherungsordner {folder} gibt es nicht.</translation>
    </message>
    <message>
        <source>No answer {what} on {link} (M-Bus).</source>
        <translation>Zeitüberschreitung: keine Antwort {what} an {link} (M-Bus).</translation>
    </message>
    <message>
        <source>Garbled answer {what} ({problem}: {frame}); several meters answering at once, or check wiring and baud rate.</source>
        <translation>Gestörte Antwort {what} ({problem}: {frame}); mehrere Zähler antworten gleichzeitig, oder Verdrahtung und Baudrate prüfen.</translation>
    </message>
    <message>
        <source>an acknowledgement (E5)</source>
        <translation>eine Quittung (E5)</translation>
    </message>
    <message>
        <source>a data frame</source>
        <translation>ein Datentelegramm</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>an acknowledgement</source>
        <translation>eine Quittung</translation>
    </message>
    <message>
        <source>Unexpected answer {what}: {got} instead of {expected}.</source>
        <translation>Unerwartete Antwort {what}: {got} statt {expected}.</translation>
    </message>
    <message>
        <source>from M-Bus address {address} to SND_NKE</source>
        <translation>von M-Bus-Adresse {address} auf SND_NKE</translation>
    </message>
    <message>
        <source>from M-Bus address {address} to REQ_UD2</source>
        <translation>von M-Bus-Adresse {address} auf REQ_UD2</translation>
    </message>
    <message>
        <source>Undecodable RSP_UD from M-Bus address {address}: {problem}.</source>
        <translation>Nicht auswertbares RSP_UD von M-Bus-Adresse {address}: {problem}.</translation>
    </message>
    <message>
        <source>from M-Bus address {address} {what}</source>
        <translation>von M-Bus-Adresse {address} {what}</translation>
    </message>
    <message>
        <source>to the application reset</source>
        <translation>auf den Anwendungs-Reset</translation>
    </message>
    <message>
        <source>to selecting {pattern}</source>
        <translation>auf die Auswahl von {pattern}</translation>
    </message>
    <message>
        <source>secondary {digits}</source>
        <translation>Sekundäradresse {digits}</translation>
    </message>
    <message>
        <source>The Bluetooth PIN is the meter password: 4 digits, e.g. 0000.</source>
        <translation>Die Bluetooth-PIN ist das Zählerpasswort: 4 Ziffern, z. B. 0000.</translation>
    </message>
    <message>
        <source>Bluetooth is not available on this computer ({reason}): switch the adapter on or plug one in.</source>
        <translation>Bluetooth ist auf diesem Computer nicht verfügbar ({reason}): den Adapter einschalten oder einstecken.</translation>
    </message>
    <message>
        <source>Bluetooth is not available on this computer: no Bluetooth service (BlueZ) is running, or there is no adapter.</source>
        <translation>Bluetooth ist auf diesem Computer nicht verfügbar: kein Bluetooth-Dienst (BlueZ) läuft, oder es gibt keinen Adapter.</translation>
    </message>
    <message>
        <source>Bluetooth is not available on this computer: {reason}.</source>
        <translation>Bluetooth ist auf diesem Computer nicht verfügbar: {reason}.</translation>
    </message>
    <message>
        <source>No Bluetooth LE meter {wanted} found within {seconds:g} s: check that it is in range with Bluetooth on, and not connected to another phone or computer (&apos;configurator ble-scan&apos; lists the meters in range).</source>
        <translation>Kein Bluetooth-LE-Zähler {wanted} innerhalb von {seconds:g} s gefunden: prüfen, ob er in Reichweite ist, Bluetooth eingeschaltet hat und nicht mit einem anderen Telefon oder Computer verbunden ist („configurator ble-scan“ listet die Zähler in Reichweite auf).</translation>
    </message>
    <message>
        <source>{name} did not accept a connection: {reason}.</source>
        <translation>{name} hat keine Verbindung angenommen: {reason}.</translation>
    </message>
    <message>
        <source>{name} refused to send notifications: {reason}.</source>
        <translation>{name} verweigert das Senden von Benachrichtigungen: {reason}.</translation>
    </message>
    <message>
        <source>{name} refused pairing: check the PIN, which is the meter password (factory default 0000).</source>
        <translation>{name} hat die Kopplung abgelehnt: die PIN prüfen, sie ist das Zählerpasswort (Werkseinstellung 0000).</translation>
    </message>
    <message>
        <source>{name} is not a WAGO 879-30xx meter: it offers no Modbus service (GATT FFE0 with FFE9/FFE4).</source>
        <translation>{name} ist kein WAGO-879-30xx-Zähler: er bietet keinen Modbus-Dienst (GATT FFE0 mit FFE9/FFE4).</translation>
    </message>
    <message>
        <source>The Bluetooth link to {link} dropped before the meter&apos;s answer arrived; it reconnects on the next request.</source>
        <translation>Die Bluetooth-Verbindung zu {link} ist abgerissen, bevor die Antwort des Zählers ankam; bei der nächsten Anfrage wird neu verbunden.</translation>
    </message>
    <message>
        <source>The Bluetooth link to {link} was lost and {attempts} reconnection attempts failed: {reason}</source>
        <translation>Die Bluetooth-Verbindung zu {link} ist verloren, {attempts} Wiederverbindungsversuche sind fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>{link} is not open.</source>
        <translation>{link} ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>{link} refuses requests without pairing: check the PIN (the meter password).</source>
        <translation>{link} lehnt Anfragen ohne Kopplung ab: die PIN (das Zählerpasswort) prüfen.</translation>
    </message>
    <message>
        <source>{link} rejected a request: {reason}.</source>
        <translation>{link} hat eine Anfrage abgelehnt: {reason}.</translation>
    </message>
    <message>
        <source>The Bluetooth link to {link} dropped while sending: {reason}.</source>
        <translation>Die Bluetooth-Verbindung zu {link} ist beim Senden abgerissen: {reason}.</translation>
    </message>
    <message>
        <source>{link} is not connected.</source>
        <translation>{link} ist nicht verbunden.</translation>
    </message>
    <message>
        <source>write answer {frame} does not confirm the request</source>
        <translation>Schreibantwort {frame} bestätigt die Anfrage nicht</translation>
    </message>
    <message>
        <source>CRC error in answer {frame}</source>
        <translation>CRC-Fehler in der Antwort {frame}</translation>
    </message>
    <message>
        <source>answer came from address {got}, not {asked}</source>
        <translation>Antwort kam von Adresse {got}, nicht von {asked}</translation>
    </message>
    <message>
        <source>answer is for function {got}, not {asked}</source>
        <translation>Antwort gilt Funktion {got}, nicht {asked}</translation>
    </message>
    <message>
        <source>malformed exception answer {frame}</source>
        <translation>fehlerhafte Ausnahme-Antwort {frame}</translation>
    </message>
    <message>
        <source>answer carries {count} registers in {size} bytes, {wanted} were asked for</source>
        <translation>Antwort enthält {count} Register in {size} Bytes, angefragt waren {wanted}</translation>
    </message>
    <message>
        <source>unexpected function code {code}</source>
        <translation>unerwarteter Funktionscode {code}</translation>
    </message>
    <message>
        <source>malformed answer {frame}: {problem}</source>
        <translation>fehlerhafte Antwort {frame}: {problem}</translation>
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
    <name>Report</name>
    <message>
        <source>import, inductive</source>
        <translation>Bezug, induktiv</translation>
    </message>
    <message>
        <source>export, capacitive</source>
        <translation>Lieferung, kapazitiv</translation>
    </message>
    <message>
        <source>export, inductive</source>
        <translation>Lieferung, induktiv</translation>
    </message>
    <message>
        <source>import, capacitive</source>
        <translation>Bezug, kapazitiv</translation>
    </message>
    <message>
        <source>Software checksum (table 4.3)</source>
        <translation>Software-Prüfsumme (Tabelle 4.3)</translation>
    </message>
    <message>
        <source>{phase} voltage</source>
        <translation>{phase} Spannung</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>{voltage:.1f} V is outside {low:.0f}-{high:.0f} V: phase missing?</source>
        <translation>{voltage:.1f} V liegt außerhalb {low:.0f}–{high:.0f} V: Phase fehlt?</translation>
    </message>
    <message>
        <source>{voltage:.1f} V is outside {low:.0f}-{high:.0f} V</source>
        <translation>{voltage:.1f} V liegt außerhalb {low:.0f}–{high:.0f} V</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>{phase} current direction</source>
        <translation>{phase} Stromrichtung</translation>
    </message>
    <message>
        <source>REVERSED: {phase} exports (direction {direction}, quadrant {quadrant}, {meaning}{power}); check the CT orientation and the wiring of this phase unless a generator feeds it</source>
        <translation>VERTAUSCHT: {phase} liefert (Richtung {direction}, Quadrant {quadrant}, {meaning}{power}); Einbaurichtung des Stromwandlers und Verdrahtung dieser Phase prüfen, sofern kein Erzeuger einspeist</translation>
    </message>
    <message>
        <source>import (quadrant {quadrant}, {meaning}{power})</source>
        <translation>Bezug (Quadrant {quadrant}, {meaning}{power})</translation>
    </message>
    <message>
        <source>unreadable direction {direction!r}</source>
        <translation>unlesbare Richtung {direction!r}</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>PRÜFEN</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLER</translation>
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
        <source>Active energy total</source>
        <translation>Wirkenergie gesamt</translation>
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
        <source>Reactive energy Q1</source>
        <translation>Blindenergie Q1</translation>
    </message>
    <message>
        <source>Reactive energy Q2</source>
        <translation>Blindenergie Q2</translation>
    </message>
    <message>
        <source>Reactive energy Q3</source>
        <translation>Blindenergie Q3</translation>
    </message>
    <message>
        <source>Reactive energy Q4</source>
        <translation>Blindenergie Q4</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>Spannung</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Strom</translation>
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
        <source>Power factor</source>
        <translation>Leistungsfaktor</translation>
    </message>
    <message>
        <source>not on this model</source>
        <translation>bei diesem Modell nicht vorhanden</translation>
    </message>
    <message>
        <source>not over this link</source>
        <translation>über diese Verbindung nicht erreichbar</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequenz</translation>
    </message>
    <message>
        <source>Live value</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <source>Total / mean</source>
        <translation>Gesamt / Mittel</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Software version</source>
        <translation>Softwareversion</translation>
    </message>
    <message>
        <source>Hardware version</source>
        <translation>Hardwareversion</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Meter amps</source>
        <translation>Zählerstrom</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>Wandlerverhältnis</translation>
    </message>
    <message>
        <source>{ratio} A ({used} of 7 changes used)</source>
        <translation>{ratio} A ({used} von 7 Änderungen verbraucht)</translation>
    </message>
    <message>
        <source>Power-down counter</source>
        <translation>Spannungsausfallzähler</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>PHASE {phases} REVERSED: current flows in the export direction. Check the CT orientation and wiring before putting this meter into service.</source>
        <translation>PHASE {phases} VERTAUSCHT: der Strom fließt in Lieferrichtung. Einbaurichtung des Stromwandlers und Verdrahtung prüfen, bevor dieser Zähler in Betrieb geht.</translation>
    </message>
    <message>
        <source>All essential checks passed; see the items marked CHECK.</source>
        <translation>Alle wesentlichen Prüfungen bestanden; siehe die mit PRÜFEN markierten Punkte.</translation>
    </message>
    <message>
        <source>All checks passed: checksum, voltages and current directions are as expected.</source>
        <translation>Alle Prüfungen bestanden: Prüfsumme, Spannungen und Stromrichtungen sind wie erwartet.</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Commissioning report</source>
        <translation>Inbetriebnahmeprotokoll</translation>
    </message>
    <message>
        <source>WAGO 879-30xx MID energy meter</source>
        <translation>WAGO 879-30xx MID-Energiezähler</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Energy registers per tariff (OBIS codes below the values)</source>
        <translation>Energieregister je Tarif (OBIS-Kennzahlen unter den Werten)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Live values</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>CT history (manual 6.9)</source>
        <translation>Wandlerhistorie (Handbuch 6.9)</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>Verhältnis</translation>
    </message>
    <message>
        <source>Commissioned by (name)</source>
        <translation>In Betrieb genommen von (Name)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>Commissioning report, WAGO 879-30xx</source>
        <translation>Inbetriebnahmeprotokoll, WAGO 879-30xx</translation>
    </message>
    <message>
        <source>Generated by wago-meter-configurator {version} on {when} UTC from a live reading of the meter. Energy values are a snapshot; the meter&apos;s display is the legal reference (MID).</source>
        <translation>Erstellt mit wago-meter-configurator {version} am {when} UTC aus einer aktuellen Ablesung des Zählers. Die Energiewerte sind eine Momentaufnahme; maßgeblich ist die Anzeige des Zählers (MID).</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
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
    <name>Services</name>
    <message>
        <source>Software V{version} is not in the manual&apos;s checksum table (known: {known}).</source>
        <translation>Software V{version} steht nicht in der Prüfsummentabelle des Handbuchs (bekannt: {known}).</translation>
    </message>
    <message>
        <source>Checksum {checksum} matches V{version} in the manual&apos;s table 4.3.</source>
        <translation>Prüfsumme {checksum} stimmt mit V{version} in Tabelle 4.3 des Handbuchs überein.</translation>
    </message>
    <message>
        <source>Checksum {checksum} does NOT match V{version} (expected {expected}, manual 4.3): contact WAGO support before using this meter for billing.</source>
        <translation>Prüfsumme {checksum} stimmt NICHT mit V{version} überein (erwartet {expected}, Handbuch 4.3): vor der Verwendung dieses Zählers zur Abrechnung den WAGO-Support kontaktieren.</translation>
    </message>
    <message>
        <source>ble {device} address {address}</source>
        <translation>ble {device} Adresse {address}</translation>
    </message>
    <message>
        <source>{protocol} {port} address {address} {baudrate} baud parity {parity}</source>
        <translation>{protocol} {port} Adresse {address} {baudrate} Baud Parität {parity}</translation>
    </message>
    <message>
        <source>Connecting: {where}</source>
        <translation>Verbindung wird aufgebaut: {where}</translation>
    </message>
    <message>
        <source>Connection failed: {error!r}</source>
        <translation>Verbindung fehlgeschlagen: {error!r}</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Getrennt.</translation>
    </message>
    <message>
        <source>Connection lost: {reason}</source>
        <translation>Verbindung verloren: {reason}</translation>
    </message>
    <message>
        <source>Connection lost; retry {attempt} failed: {reason}</source>
        <translation>Verbindung verloren; Versuch {attempt} fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Reconnected: {where}. Note: a different meter answers now (serial {serial}).</source>
        <translation>Wieder verbunden: {where}. Achtung: jetzt antwortet ein anderer Zähler (Seriennummer {serial}).</translation>
    </message>
    <message>
        <source>Reconnected: {where}.</source>
        <translation>Wieder verbunden: {where}.</translation>
    </message>
    <message>
        <source>address {address}, {baudrate} baud, parity {parity} (--address {address} --baud {baudrate} --parity {option})</source>
        <translation>Adresse {address}, {baudrate} Baud, Parität {parity} (--address {address} --baud {baudrate} --parity {option})</translation>
    </message>
    <message>
        <source>exists only on {models}; this meter is a {model}</source>
        <translation>gibt es nur beim {models}; dieser Zähler ist ein {model}</translation>
    </message>
    <message>
        <source>cannot be written over {transport} (only over {via} or the meter&apos;s menu)</source>
        <translation>über {transport} nicht schreibbar (nur über {via} oder im Menü des Zählers)</translation>
    </message>
    <message>
        <source>belongs to one meter: a template never copies it</source>
        <translation>gehört zu genau einem Zähler: eine Vorlage überträgt das nie</translation>
    </message>
    <message>
        <source>the CT ratio is restored only when asked: each change uses one of only 7 and cannot be undone</source>
        <translation>das Wandlerverhältnis wird nur auf Wunsch wiederhergestellt: jede Änderung verbraucht eine von nur 7 und ist nicht rückgängig zu machen</translation>
    </message>
    <message>
        <source>incomplete frame</source>
        <translation>unvollständiges Telegramm</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>incomplete answer</source>
        <translation>unvollständige Antwort</translation>
    </message>
    <message>
        <source>address {address}, {baud} baud, parity {parity}</source>
        <translation>Adresse {address}, {baud} Baud, Parität {parity}</translation>
    </message>
    <message>
        <source>found {model} at address {address}, {baud} baud, parity {parity}</source>
        <translation>{model} gefunden an Adresse {address}, {baud} Baud, Parität {parity}</translation>
    </message>
    <message>
        <source>no meter answered</source>
        <translation>kein Zähler hat geantwortet</translation>
    </message>
    <message>
        <source>M-Bus does not carry the software version and checksum (manual 4.3): check them over Modbus RTU (&apos;configurator info&apos;).</source>
        <translation>M-Bus überträgt Softwareversion und Prüfsumme nicht (Handbuch 4.3): über Modbus RTU prüfen („configurator info“).</translation>
    </message>
    <message>
        <source>the meter acknowledged (E5); M-Bus cannot read {key} back</source>
        <translation>der Zähler hat quittiert (E5); M-Bus kann {key} nicht zurücklesen</translation>
    </message>
    <message>
        <source>0 (acknowledged; M-Bus cannot read it back)</source>
        <translation>0 (quittiert; über M-Bus nicht rücklesbar)</translation>
    </message>
    <message>
        <source>M-Bus primary address {address}, secondary address {secondary}, {baud} baud (--protocol mbus --address {address} --baud {baud} --device {secondary})</source>
        <translation>M-Bus-Primäradresse {address}, Sekundäradresse {secondary}, {baud} Baud (--protocol mbus --address {address} --baud {baud} --device {secondary})</translation>
    </message>
    <message>
        <source>M-Bus primary address {address}, {baud} baud (--protocol mbus --address {address} --baud {baud})</source>
        <translation>M-Bus-Primäradresse {address}, {baud} Baud (--protocol mbus --address {address} --baud {baud})</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>read input</source>
        <translation>Eingang lesen</translation>
    </message>
    <message>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <source>too short for a Modbus frame</source>
        <translation>zu kurz für ein Modbus-Telegramm</translation>
    </message>
    <message>
        <source>CRC error</source>
        <translation>CRC-Fehler</translation>
    </message>
    <message>
        <source>meter {meter}: exception {code} ({name}) to function {function}</source>
        <translation>Zähler {meter}: Ausnahme {code} ({name}) auf Funktion {function}</translation>
    </message>
    <message>
        <source>function {function}</source>
        <translation>Funktion {function}</translation>
    </message>
    <message>
        <source>meter {meter}</source>
        <translation>Zähler {meter}</translation>
    </message>
    <message>
        <source>broadcast</source>
        <translation>Rundruf</translation>
    </message>
    <message>
        <source>{who}: {name} {count} from {register}</source>
        <translation>{who}: {name} {count} ab {register}</translation>
    </message>
    <message>
        <source>{who}: {name} {register} = 0x{value:04X}</source>
        <translation>{who}: {name} {register} = 0x{value:04X}</translation>
    </message>
    <message>
        <source>{who}: {name} {register} = {words}</source>
        <translation>{who}: {name} {register} = {words}</translation>
    </message>
    <message>
        <source>{who}: {name}</source>
        <translation>{who}: {name}</translation>
    </message>
    <message>
        <source>{who}: answer, {count} registers</source>
        <translation>{who}: Antwort, {count} Register</translation>
    </message>
    <message>
        <source>{who}: write confirmed at {register}</source>
        <translation>{who}: Schreiben bestätigt bei {register}</translation>
    </message>
    <message>
        <source>{who}: answer to {name}</source>
        <translation>{who}: Antwort auf {name}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>M-Bus long frame</source>
        <translation>M-Bus-Langtelegramm</translation>
    </message>
    <message>
        <source>M-Bus short frame</source>
        <translation>M-Bus-Kurztelegramm</translation>
    </message>
    <message>
        <source>M-Bus ack</source>
        <translation>M-Bus-Quittung</translation>
    </message>
    <message>
        <source>{what} — {note}</source>
        <translation>{what} — {note}</translation>
    </message>
    <message>
        <source>{link}, Modbus address {address} (--protocol ble --device {name} --address {address})</source>
        <translation>{link}, Modbus-Adresse {address} (--protocol ble --device {name} --address {address})</translation>
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
