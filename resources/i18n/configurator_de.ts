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
        <source>not connected</source>
        <translation>nicht verbunden</translation>
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
        <source>Looking for the meter again: {reason}</source>
        <translation>Der Zähler wird erneut gesucht: {reason}</translation>
    </message>
    <message>
        <source>Demo mode: a simulated {model} over Bluetooth LE as {name}.</source>
        <translation>Demo-Modus: ein simulierter {model} über Bluetooth LE als {name}.</translation>
    </message>
    <message>
        <source>Demo mode: a simulated {model} on {port}.</source>
        <translation>Demo-Modus: ein simulierter {model} an {port}.</translation>
    </message>
    <message>
        <source>Demo mode: replaying {capture} on {port}.</source>
        <translation>Demo-Modus: {capture} wird auf {port} wiedergegeben.</translation>
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
        <source>It is of a {source}, this meter is a {model}: only the settings this model has are written.</source>
        <translation>Sie stammt von einem {source}, dieser Zähler ist ein {model}: Geschrieben werden nur die Einstellungen, die dieses Modell hat.</translation>
    </message>
    <message>
        <source>Not written: {keys}.</source>
        <translation>Nicht geschrieben: {keys}.</translation>
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
        <source>Not written: not confirmed.</source>
        <translation>Nicht geschrieben: nicht bestätigt.</translation>
    </message>
    <message>
        <source>Restore finished: {counts}.</source>
        <translation>Wiederherstellung abgeschlossen: {counts}.</translation>
    </message>
    <message>
        <source>Before writing, the meter&apos;s settings were saved to {path}. Restoring that file undoes the other settings; the CT ratio comes back only with &quot;Include CT ratio&quot;, which uses another of the 7 CT ratio changes.</source>
        <translation>Vor dem Schreiben wurden die Einstellungen des Zählers in {path} gesichert. Wird diese Datei wiederhergestellt, sind die übrigen Einstellungen rückgängig gemacht; das Wandlerverhältnis kommt nur mit „Wandlerverhältnis einbeziehen“ zurück, und das verbraucht eine weitere der 7 Änderungen des Wandlerverhältnisses.</translation>
    </message>
    <message>
        <source>Before writing, the meter&apos;s settings were saved to {path} (restore that file to undo).</source>
        <translation>Vor dem Schreiben wurden die Einstellungen des Zählers in {path} gesichert (diese Datei wiederherstellen, um die Änderung rückgängig zu machen).</translation>
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
    <message>
        <source>the file&apos;s {model} has no such setting: the meter keeps its own</source>
        <translation>der {model} der Datei hat diese Einstellung nicht: Der Zähler behält seine eigene</translation>
    </message>
    <message>
        <source>this meter has no current transformers (only the 2PU CT has a CT ratio)</source>
        <translation>dieser Zähler hat keine Stromwandler (nur der 2PU CT hat ein Wandlerverhältnis)</translation>
    </message>
    <message>
        <source>Not written: the restore was cancelled.</source>
        <translation>Nicht geschrieben: Die Wiederherstellung wurde abgebrochen.</translation>
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
        <source>invalid in the file</source>
        <translation>ungültig in der Datei</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>refused by the meter</source>
        <translation>vom Zähler abgelehnt</translation>
    </message>
    <message>
        <source>reads back another value</source>
        <translation>liest einen anderen Wert zurück</translation>
    </message>
    <message>
        <source>not taken</source>
        <translation>nicht übernommen</translation>
    </message>
    <message>
        <source>unknown: sent, no answer</source>
        <translation>unbekannt: gesendet, keine Antwort</translation>
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
    <name>BusPage</name>
    <message>
        <source>4PU or 4PS</source>
        <translation>4PU oder 4PS</translation>
    </message>
    <message>
        <source>A bus is a serial line: choose Modbus RTU or M-Bus on the Connect page.</source>
        <translation>Ein Bus ist eine serielle Leitung: Wählen Sie auf der Seite „Verbinden“ Modbus RTU oder M-Bus.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Choose a serial port on the Connect page first.</source>
        <translation>Wählen Sie zuerst auf der Seite „Verbinden“ eine serielle Schnittstelle.</translation>
    </message>
    <message>
        <source>Not started: the connected meter has edits not yet written.</source>
        <translation>Nicht gestartet: Am verbundenen Zähler gibt es noch nicht geschriebene Änderungen.</translation>
    </message>
    <message>
        <source>Connecting to the meter at {where}…</source>
        <translation>Verbindung zum Zähler: {where}…</translation>
    </message>
    <message>
        <source>Double-click a meter to connect to it alone.</source>
        <translation>Doppelklicken Sie auf einen Zähler, um nur mit ihm zu verbinden.</translation>
    </message>
    <message>
        <source>Find and watch the meters</source>
        <translation>Zähler suchen und beobachten</translation>
    </message>
    <message>
        <source>I L1/L2/L3 (A)</source>
        <translation>I L1/L2/L3 (A)</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Looking for meters on the bus…</source>
        <translation>Zähler am Bus werden gesucht…</translation>
    </message>
    <message>
        <source>Looking for meters: address {address} of {first}-{last}, {count} found</source>
        <translation>Zählersuche: Adresse {address} von {first}-{last}, {count} gefunden</translation>
    </message>
    <message>
        <source>M-Bus</source>
        <translation>M-Bus</translation>
    </message>
    <message>
        <source>Modbus RTU</source>
        <translation>Modbus RTU</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>No meter answered on this bus. Check the wiring (A/B swapped?), the baud rate and the termination.</source>
        <translation>An diesem Bus hat kein Zähler geantwortet. Prüfen Sie die Verdrahtung (A/B vertauscht?), die Baudrate und den Abschluss.</translation>
    </message>
    <message>
        <source>P L1/L2/L3 (kW)</source>
        <translation>P L1/L2/L3 (kW)</translation>
    </message>
    <message>
        <source>Searching secondary addresses {pattern}: {count} found</source>
        <translation>Sekundäradressen {pattern} werden durchsucht: {count} gefunden</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>Serien-Nr.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stopped. The figures shown are the last ones read.</source>
        <translation>Angehalten. Die angezeigten Werte sind die zuletzt gelesenen.</translation>
    </message>
    <message>
        <source>Stopped: the bus was handed to a single meter&apos;s connection.</source>
        <translation>Angehalten: Der Bus wurde an die Verbindung zu einem einzelnen Zähler übergeben.</translation>
    </message>
    <message>
        <source>U L1/L2/L3 (V)</source>
        <translation>U L1/L2/L3 (V)</translation>
    </message>
    <message>
        <source>Watching {count} meters, one after the other: round {round}.</source>
        <translation>{count} Zähler werden nacheinander abgefragt: Runde {round}.</translation>
    </message>
    <message>
        <source>Wiring</source>
        <translation>Verdrahtung</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>noch keine Antwort</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>{kind} on port {port}, {baud} baud, parity {parity}. Change them on the Connect page.</source>
        <translation>{kind} an Schnittstelle {port}, {baud} Baud, Parität {parity}. Ändern Sie dies auf der Seite „Verbinden“.</translation>
    </message>
    <message>
        <source>{primary} · secondary {secondary}</source>
        <translation>{primary} · sekundär {secondary}</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>vor {seconds} s</translation>
    </message>
    <message>
        <source>{stale} not answering (grey).</source>
        <translation>{stale} antworten nicht (grau).</translation>
    </message>
</context>
<context>
    <name>Commission</name>
    <message>
        <source>Apply the template</source>
        <translation>Vorlage anwenden</translation>
    </message>
    <message>
        <source>Back up every meter</source>
        <translation>Jeden Zähler sichern</translation>
    </message>
    <message>
        <source>Connect and search the bus</source>
        <translation>Verbinden und Bus durchsuchen</translation>
    </message>
    <message>
        <source>Give each meter its address</source>
        <translation>Jedem Zähler seine Adresse geben</translation>
    </message>
    <message>
        <source>Identify each meter, check the checksum</source>
        <translation>Jeden Zähler erkennen, Prüfsumme prüfen</translation>
    </message>
    <message>
        <source>Wiring verdict under load</source>
        <translation>Verdrahtungsurteil unter Last</translation>
    </message>
    <message>
        <source>Write the report</source>
        <translation>Bericht schreiben</translation>
    </message>
    <message>
        <source>address {before} -&gt; {after}</source>
        <translation>Adresse {before} -&gt; {after}</translation>
    </message>
    <message>
        <source>already at address {address}</source>
        <translation>hat schon Adresse {address}</translation>
    </message>
    <message>
        <source>backup written to {path}</source>
        <translation>Sicherung nach {path} geschrieben</translation>
    </message>
    <message>
        <source>found {count} meter(s) on {link}</source>
        <translation>{count} Zähler an {link} gefunden</translation>
    </message>
    <message>
        <source>report of {count} meter(s) written to {path}</source>
        <translation>Bericht über {count} Zähler nach {path} geschrieben</translation>
    </message>
    <message>
        <source>stopped: {error}</source>
        <translation>angehalten: {error}</translation>
    </message>
    <message>
        <source>the plan names no template: nothing to apply</source>
        <translation>der Plan nennt keine Vorlage: nichts anzuwenden</translation>
    </message>
    <message>
        <source>verdict {verdict}</source>
        <translation>Urteil {verdict}</translation>
    </message>
    <message>
        <source>{count} setting(s) written</source>
        <translation>{count} Einstellung(en) geschrieben</translation>
    </message>
    <message>
        <source>{model} serial {serial}, checksum {checksum}</source>
        <translation>{model} Seriennummer {serial}, Prüfsumme {checksum}</translation>
    </message>
    <message>
        <source>meter {serial} is already done: connect the next one</source>
        <translation>Zähler {serial} ist schon erledigt: Schließen Sie den nächsten an</translation>
    </message>
</context>
<context>
    <name>CommissionPage</name>
    <message>
        <source>Bus (serial port)</source>
        <translation>Bus (serielle Schnittstelle)</translation>
    </message>
    <message>
        <source>Choose the bus&apos;s serial port and a job folder first.</source>
        <translation>Wählen Sie zuerst die serielle Schnittstelle des Busses und einen Auftragsordner.</translation>
    </message>
    <message>
        <source>Choose the job folder</source>
        <translation>Auftragsordner wählen</translation>
    </message>
    <message>
        <source>Choose the template</source>
        <translation>Vorlage wählen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>First address</source>
        <translation>Erste Adresse</translation>
    </message>
    <message>
        <source>Installer</source>
        <translation>Installateur</translation>
    </message>
    <message>
        <source>Job finished: {count} meter(s), report {path}.</source>
        <translation>Auftrag fertig: {count} Zähler, Bericht {path}.</translation>
    </message>
    <message>
        <source>Job folder</source>
        <translation>Auftragsordner</translation>
    </message>
    <message>
        <source>M-Bus</source>
        <translation>M-Bus</translation>
    </message>
    <message>
        <source>Modbus RTU</source>
        <translation>Modbus RTU</translation>
    </message>
    <message>
        <source>Name the site first: it heads the report.</source>
        <translation>Geben Sie zuerst die Anlage an: sie steht über dem Bericht.</translation>
    </message>
    <message>
        <source>Pause after this step</source>
        <translation>Nach diesem Schritt anhalten</translation>
    </message>
    <message>
        <source>Paused. Press Start or resume to go on; the job is saved in {folder}.</source>
        <translation>Angehalten. Drücken Sie „Starten oder fortsetzen“, um weiterzumachen; der Auftrag ist in {folder} gespeichert.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Start or resume</source>
        <translation>Starten oder fortsetzen</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Templates (*.json)</source>
        <translation>Vorlagen (*.json)</translation>
    </message>
    <message>
        <source>The job is running…</source>
        <translation>Der Auftrag läuft…</translation>
    </message>
    <message>
        <source>The job pauses when this step is finished…</source>
        <translation>Der Auftrag hält an, sobald dieser Schritt fertig ist…</translation>
    </message>
    <message>
        <source>The job stopped: {reason} Correct it and press Start or resume.</source>
        <translation>Der Auftrag wurde angehalten: {reason} Beheben Sie das und drücken Sie „Starten oder fortsetzen“.</translation>
    </message>
    <message>
        <source>no template: settings stay as they are</source>
        <translation>keine Vorlage: Einstellungen bleiben, wie sie sind</translation>
    </message>
    <message>
        <source>Connect meter {number} of {total} to the bus. It answers at the factory address {address} until the job gives it its own.</source>
        <translation>Schließen Sie Zähler {number} von {total} an den Bus an. Er antwortet unter der Werksadresse {address}, bis der Auftrag ihm seine eigene gibt.</translation>
    </message>
    <message>
        <source>Connect the next meter</source>
        <translation>Nächsten Zähler anschließen</translation>
    </message>
    <message>
        <source>Every Modbus meter leaves the factory at address 1, so two of them cannot share a bus. The job asks you to connect each new meter and gives it its address before the next one.</source>
        <translation>Jeder Modbus-Zähler verlässt das Werk mit Adresse 1, daher können zwei von ihnen nicht am selben Bus hängen. Der Auftrag bittet Sie, jeden neuen Zähler anzuschließen, und gibt ihm seine Adresse vor dem nächsten.</translation>
    </message>
    <message>
        <source>It is connected</source>
        <translation>Ist angeschlossen</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Modbus factory meters: connect one at a time</source>
        <translation>Modbus-Zähler ab Werk: einzeln anschließen</translation>
    </message>
    <message>
        <source>Pause the job</source>
        <translation>Auftrag anhalten</translation>
    </message>
    <message>
        <source>as found</source>
        <translation>wie gefunden</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>Forget where the saved job stands and start it from the bus search; meters already given their address are found there.</source>
        <translation>Den gespeicherten Stand des Auftrags vergessen und mit der Bussuche neu beginnen; Zähler, die schon ihre Adresse haben, werden dort gefunden.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm a change that cannot be undone</source>
        <translation>Eine Änderung bestätigen, die sich nicht rückgängig machen lässt</translation>
    </message>
    <message>
        <source>Write {count} changes that cannot simply be undone?</source>
        <translation>{count} Änderungen schreiben, die sich nicht einfach rückgängig machen lassen?</translation>
    </message>
    <message>
        <source>Change the CT ratio from {old} to {new}?</source>
        <translation>Wandlerverhältnis von {old} auf {new} ändern?</translation>
    </message>
    <message>
        <source>Switch to tariff T{tariff}?</source>
        <translation>Auf Tarif T{tariff} umschalten?</translation>
    </message>
    <message>
        <source>Move the meter&apos;s link ({key} {old} → {new})?</source>
        <translation>Verbindung des Zählers verlegen ({key} {old} → {new})?</translation>
    </message>
    <message>
        <source>This uses one of the {total} CT ratio changes the meter allows ({left} will be left). It cannot be undone: the old ratio and the energy readings are frozen in the CT history.</source>
        <translation>Dies verbraucht eine der {total} Änderungen des Wandlerverhältnisses, die der Zähler erlaubt (danach bleiben {left}). Es kann nicht rückgängig gemacht werden: Das alte Verhältnis und die Energiezählerstände werden in der Wandler-Historie eingefroren.</translation>
    </message>
    <message>
        <source>The old value ({value}) is gone afterwards.</source>
        <translation>Der alte Wert ({value}) ist danach verloren.</translation>
    </message>
    <message>
        <source>{key}: {old} → {new}. The meter then answers only at the new setting; the connection follows it, and other software on this bus must follow too.</source>
        <translation>{key}: {old} → {new}. Der Zähler antwortet danach nur noch unter der neuen Einstellung; die Verbindung folgt ihm, und andere Software an diesem Bus muss ebenfalls folgen.</translation>
    </message>
    <message>
        <source>Use one change and write</source>
        <translation>Eine Änderung verbrauchen und schreiben</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>{setting} of {count} meters: {moves}. Each meter then answers only at its new setting; the job follows them, and other software on this bus must follow too.</source>
        <translation>{setting} von {count} Zählern: {moves}. Jeder Zähler antwortet danach nur noch unter seiner neuen Einstellung; der Auftrag folgt ihnen, und andere Software an diesem Bus muss ebenfalls folgen.</translation>
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
        <source>How often a read is repeated after a lost or garbled answer (writes are never repeated blindly).</source>
        <translation>Wie oft ein Lesevorgang nach einer verlorenen oder gestörten Antwort wiederholt wird (Schreibvorgänge werden nie blind wiederholt).</translation>
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
        <source>Bluetooth PIN (meter password)</source>
        <translation>Bluetooth-PIN (Zählerpasswort)</translation>
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
        <source>Retries</source>
        <translation>Wiederholungen</translation>
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
        <source>Scan the bus…</source>
        <translation>Bus absuchen…</translation>
    </message>
    <message>
        <source>Find every meter on this Modbus bus (address, model, serial number).</source>
        <translation>Alle Zähler an diesem Modbus finden (Adresse, Modell, Seriennummer).</translation>
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
        <source>Recent connections</source>
        <translation>Letzte Verbindungen</translation>
    </message>
    <message>
        <source>Double-click a connection to connect again.</source>
        <translation>Doppelklick auf eine Verbindung verbindet erneut.</translation>
    </message>
    <message>
        <source>Bluetooth LE uses the meter password as pairing PIN (factory 0000): it is kept in memory only, unless you tick &apos;Remember in the OS keyring&apos;.</source>
        <translation>Bluetooth LE nutzt das Zählerpasswort als Kopplungs-PIN (Werkseinstellung 0000): sie wird nur im Arbeitsspeicher gehalten, außer Sie kreuzen &apos;Im Schlüsselbund des Betriebssystems merken&apos; an.</translation>
    </message>
    <message>
        <source>{rate} baud</source>
        <translation>{rate} Baud</translation>
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
        <source>Remember in the OS keyring</source>
        <translation>Im Schlüsselbund des Betriebssystems merken</translation>
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
        <source>Not reset.</source>
        <translation>Nicht zurückgesetzt.</translation>
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
        <source>unknown (see the history below)</source>
        <translation>unbekannt (siehe Verlauf unten)</translation>
    </message>
    <message>
        <source>All 7 changes are used: the CT ratio can no longer be changed.</source>
        <translation>Alle 7 Änderungen sind verbraucht: Das Wandlerverhältnis kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>nicht beantwortet</translation>
    </message>
    <message>
        <source>{ratio} (in force)</source>
        <translation>{ratio} (in Kraft)</translation>
    </message>
    <message>
        <source>The meter did not answer history slot(s) {slots} (exception {codes}); the other slots are shown.</source>
        <translation>Der Zähler hat die Verlaufsplätze {slots} nicht beantwortet (Ausnahme {codes}); die übrigen Plätze werden angezeigt.</translation>
    </message>
    <message>
        <source>Values that do not decode are shown as their raw register words (hex).</source>
        <translation>Werte, die sich nicht dekodieren lassen, werden als rohe Registerwörter (hex) angezeigt.</translation>
    </message>
    <message>
        <source>The number of changes left is unknown: a slot before the last used one could not be read.</source>
        <translation>Wie viele Änderungen übrig sind, ist unbekannt: Ein Platz vor dem zuletzt belegten konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The meter already uses {ratio}.</source>
        <translation>Der Zähler verwendet bereits {ratio}.</translation>
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
        <source>Save support bundle…</source>
        <translation>Support-Paket speichern…</translation>
    </message>
    <message>
        <source>The meter&apos;s raw answers (every register block or M-Bus telegram), this traffic and the versions, in one file to send for support; the configurator&apos;s simulator can replay it as that meter. The PIN is never in it.</source>
        <translation>Die rohen Antworten des Zählers (jeder Registerblock oder jedes M-Bus-Telegramm), dieser Datenverkehr und die Versionen in einer Datei, zum Senden an den Support; der Simulator des Konfigurators kann sie als diesen Zähler wiedergeben. Die PIN ist nie darin enthalten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Traffic&lt;/b&gt; (every frame; errors in red)</source>
        <translation>&lt;b&gt;Datenverkehr&lt;/b&gt; (jedes Telegramm; Fehler rot)</translation>
    </message>
    <message>
        <source>{phase}: not carried over {transport}</source>
        <translation>{phase}: über {transport} nicht übertragen</translation>
    </message>
    <message>
        <source>{phase}: ← R  EXPORT / REVERSED</source>
        <translation>{phase}: ← R  LIEFERUNG / UMGEKEHRT</translation>
    </message>
    <message>
        <source>A reversed CT, or a generator feeding this phase: the Wiring check page tells them apart.</source>
        <translation>Ein verkehrt eingebauter Stromwandler oder ein Erzeuger, der auf dieser Phase einspeist: die Seite „Verdrahtungsprüfung“ unterscheidet beides.</translation>
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
        <source>Quadrant: not carried over {transport}</source>
        <translation>Quadrant: über {transport} nicht übertragen</translation>
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
    <message>
        <source>Save support bundle</source>
        <translation>Support-Paket speichern</translation>
    </message>
    <message>
        <source>Support bundles (*.capture.json *.json)</source>
        <translation>Support-Pakete (*.capture.json *.json)</translation>
    </message>
    <message>
        <source>{summary} Saved to {path}.</source>
        <translation>{summary} Gespeichert unter {path}.</translation>
    </message>
</context>
<context>
    <name>Editors</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
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
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>OBIS code {code}</source>
        <translation>OBIS-Kennzahl {code}</translation>
    </message>
    <message>
        <source>not carried over {transport}</source>
        <translation>über {transport} nicht übertragen</translation>
    </message>
    <message>
        <source>{transport} carries {carried} of this meter&apos;s {total} energy registers; the others are read over Modbus RTU.</source>
        <translation>{transport} überträgt {carried} der {total} Energieregister dieses Zählers; die übrigen lassen sich über Modbus RTU lesen.</translation>
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
        <source>{problem} ({unverified})</source>
        <translation>{problem} ({unverified})</translation>
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
        <source>{key} cannot be written over {transport}; set it over {via} or in the meter&apos;s menu ({menu}).</source>
        <translation>{key} kann über {transport} nicht geschrieben werden; stellen Sie es über {via} oder im Menü des Zählers ein ({menu}).</translation>
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
        <source>The device at address {address} reports meter code 0x{code:04X}, which is not a WAGO 879-30xx (1111 4PU, 1112 4PS, 1113 2PU CT).</source>
        <translation>Das Gerät an Adresse {address} meldet den Zählercode 0x{code:04X}, das ist kein WAGO 879-30xx (1111 4PU, 1112 4PS, 1113 2PU CT).</translation>
    </message>
    <message>
        <source>A {model} has no CT history.</source>
        <translation>Ein {model} hat keine Wandlerhistorie.</translation>
    </message>
    <message>
        <source>All 7 CT ratio changes of this meter are used up (manual 6.9); the ratio can no longer be changed.</source>
        <translation>Alle 7 Änderungen des Wandlerverhältnisses dieses Zählers sind verbraucht (Handbuch 6.9); das Verhältnis kann nicht mehr geändert werden.</translation>
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
        <source>the RSP_UD has no {key} record</source>
        <translation>das RSP_UD enthält keinen Datensatz für {key}</translation>
    </message>
    <message>
        <source>{key} cannot be read over M-Bus: the meter&apos;s RSP_UD (manual A2.2) does not carry it, M-Bus can only write it; read it over Modbus RTU or on the display</source>
        <translation>{key} ist über M-Bus nicht lesbar: das RSP_UD des Zählers (Handbuch A2.2) enthält es nicht, M-Bus kann es nur schreiben; über Modbus RTU oder am Display ablesen</translation>
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
        <source>No Bluetooth LE meter given: use --device ADDRESS or --device IM-&lt;serial&gt; (&apos;configurator ble-scan&apos; lists the meters in range), or --demo for a simulated meter.</source>
        <translation>Kein Bluetooth-LE-Zähler angegeben: --device ADRESSE oder --device IM-&lt;Seriennummer&gt; verwenden („configurator ble-scan“ listet die Zähler in Reichweite) oder --demo für einen simulierten Zähler.</translation>
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
        <source>Serial port {port} is in use by another program, or this user may not open it.</source>
        <translation>Die serielle Schnittstelle {port} wird von einem anderen Programm benutzt, oder dieser Benutzer darf sie nicht öffnen.</translation>
    </message>
    <message>
        <source>{port} is not a serial port.</source>
        <translation>{port} ist keine serielle Schnittstelle.</translation>
    </message>
    <message>
        <source>Serial port {port} is not there (adapter unplugged?).</source>
        <translation>Die serielle Schnittstelle {port} ist nicht da (Adapter abgezogen?).</translation>
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
        <source>Backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>a configurator backup</source>
        <translation>eine Sicherung des Konfigurators</translation>
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
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>a JSON document</source>
        <translation>ein JSON-Dokument</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>eine benannte Pipe (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>ein symbolischer Link</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>{what} {path} does not exist.</source>
        <translation>Die {what} {path} gibt es nicht.</translation>
    </message>
    <message>
        <source>{what} {path} is a folder, not a file.</source>
        <translation>Die {what} {path} ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>{what} {path} is a symbolic link that loops.</source>
        <translation>Die {what} {path} ist ein symbolischer Link, der auf sich selbst zeigt.</translation>
    </message>
    <message>
        <source>{what} {path} is not a regular file: refused.</source>
        <translation>Die {what} {path} ist keine gewöhnliche Datei: abgelehnt.</translation>
    </message>
    <message>
        <source>{what} {path} cannot be read: {reason}.</source>
        <translation>Die {what} {path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>{what} {path} is {kind}, not a regular file: refused.</source>
        <translation>Die {what} {path} ist {kind}, keine gewöhnliche Datei: abgelehnt.</translation>
    </message>
    <message>
        <source>{what} {path} is larger than {limit}: refused (this is not a file the configurator writes).</source>
        <translation>Die {what} {path} ist größer als {limit}: abgelehnt (so eine Datei schreibt der Konfigurator nicht).</translation>
    </message>
    <message>
        <source>{what} {path} gives the key {key} twice in one object: refused, since it is unclear which value is meant.</source>
        <translation>Die {what} {path} nennt den Schlüssel {key} zweimal in einem Objekt: abgelehnt, da unklar ist, welcher Wert gemeint ist.</translation>
    </message>
    <message>
        <source>{what} {path} holds a number of {count} characters: refused as corrupt.</source>
        <translation>Die {what} {path} enthält eine Zahl mit {count} Zeichen: als beschädigt abgelehnt.</translation>
    </message>
    <message>
        <source>{what} {path} holds the number {number}, too large for any value: refused as corrupt.</source>
        <translation>Die {what} {path} enthält die Zahl {number}, zu groß für jeden Wert: als beschädigt abgelehnt.</translation>
    </message>
    <message>
        <source>{what} {path} holds {constant}, which is not valid JSON.</source>
        <translation>Die {what} {path} enthält {constant}, das ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>{what} {path} nests deeper than {limit} levels: refused (this is not a file the configurator writes).</source>
        <translation>Die {what} {path} ist tiefer als {limit} Ebenen verschachtelt: abgelehnt (so eine Datei schreibt der Konfigurator nicht).</translation>
    </message>
    <message>
        <source>{what} {path} is {kind}: invalid JSON at line {line}, column {column} ({problem}).</source>
        <translation>Die {what} {path} ist {kind}: ungültiges JSON in Zeile {line}, Spalte {column} ({problem}).</translation>
    </message>
    <message>
        <source>{what} {path} is corrupt: {problem}.</source>
        <translation>Die {what} {path} ist beschädigt: {problem}.</translation>
    </message>
    <message>
        <source>{what} {path} is empty.</source>
        <translation>Die {what} {path} ist leer.</translation>
    </message>
    <message>
        <source>{what} {path} is not {expected} (not UTF-8 text).</source>
        <translation>Die {what} {path} ist nicht {expected} (kein UTF-8-Text).</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is {kind}, and only a regular file is ever replaced.</source>
        <translation>{path} kann nicht geschrieben werden: es ist {kind}, und ersetzt wird immer nur eine gewöhnliche Datei.</translation>
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
        <source>the secondary-address search on {link}</source>
        <translation>der Suche nach Sekundäradressen an {link}</translation>
    </message>
    <message>
        <source>not answered: the meter answered exception {code} for 0x{address:04X} ({count} registers)</source>
        <translation>nicht beantwortet: Der Zähler antwortete mit Ausnahme {code} auf 0x{address:04X} ({count} Register)</translation>
    </message>
    <message>
        <source>--expect {value!r}: say import, export or either, for all phases or as l1=..., l2=..., l3=...</source>
        <translation>--expect {value!r}: import, export oder either angeben, für alle Phasen oder als l1=..., l2=..., l3=...</translation>
    </message>
    <message>
        <source>--expect {value!r}: the phases are l1, l2 and l3.</source>
        <translation>--expect {value!r}: die Phasen heißen l1, l2 und l3.</translation>
    </message>
    <message>
        <source>The meter did not send a RSP_UD to capture ({kind}).</source>
        <translation>Der Zähler hat kein RSP_UD zum Aufzeichnen gesendet ({kind}).</translation>
    </message>
    <message>
        <source>{name} is not a configurator capture (format {format!r}, expected {expected!r}).</source>
        <translation>{name} ist keine Aufzeichnung des Konfigurators (Format {format!r}, erwartet {expected!r}).</translation>
    </message>
    <message>
        <source>{name} was written by a newer configurator (capture format {version}; this version reads format {readable}).</source>
        <translation>{name} wurde von einem neueren Konfigurator geschrieben (Aufzeichnungsformat {version}; diese Version liest Format {readable}).</translation>
    </message>
    <message>
        <source>{name} does not match the capture schema at {where}: {problem}.</source>
        <translation>{name} entspricht nicht dem Aufzeichnungsschema bei {where}: {problem}.</translation>
    </message>
    <message>
        <source>{name}: the block at {address} holds {got} words instead of {count}.</source>
        <translation>{name}: Der Block bei {address} enthält {got} Wörter statt {count}.</translation>
    </message>
    <message>
        <source>{name}: a captured telegram is not a RSP_UD ({problem}).</source>
        <translation>{name}: Ein aufgezeichnetes Telegramm ist kein RSP_UD ({problem}).</translation>
    </message>
    <message>
        <source>Capture file {path}</source>
        <translation>Aufzeichnungsdatei {path}</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Aufzeichnungsdatei</translation>
    </message>
    <message>
        <source>a configurator capture</source>
        <translation>eine Aufzeichnung des Konfigurators</translation>
    </message>
    <message>
        <source>the capture to write</source>
        <translation>die zu schreibende Aufzeichnung</translation>
    </message>
    <message>
        <source>an unidentified device</source>
        <translation>ein nicht erkanntes Gerät</translation>
    </message>
    <message>
        <source>The line is too noisy to search ({garbled} of the last {window} probes were garbled): check wiring, termination and baud rate.</source>
        <translation>Die Leitung ist für die Suche zu stark gestört ({garbled} der letzten {window} Abfragen waren gestört): Verdrahtung, Busabschluss und Baudrate prüfen.</translation>
    </message>
    <message>
        <source>Not written: this needs a confirmation. {acts}</source>
        <translation>Nicht geschrieben: Dies erfordert eine Bestätigung. {acts}</translation>
    </message>
    <message>
        <source>Not confirmed: nothing was written.</source>
        <translation>Nicht bestätigt: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Address {address} is already used by meter {serial:08d}; choose a free address. Nothing was written.</source>
        <translation>Adresse {address} ist bereits von Zähler {serial:08d} belegt; wählen Sie eine freie Adresse. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Address {address} is already used by another device; choose a free address. Nothing was written.</source>
        <translation>Adresse {address} ist bereits von einem anderen Gerät belegt; wählen Sie eine freie Adresse. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The Bluetooth PIN is the meter password: exactly 4 digits 0-9, e.g. 0000 (the factory password).</source>
        <translation>Die Bluetooth-PIN ist das Zählerpasswort: genau 4 Ziffern 0-9, z. B. 0000 (das Werkspasswort).</translation>
    </message>
    <message>
        <source>addresses {first}-{last} on {link}</source>
        <translation>den Adressen {first}-{last} an {link}</translation>
    </message>
    <message>
        <source>{found} found, {count} address(es) answered garbled ({addresses}) at {where}: check wiring, termination and baud rate, or two devices sharing an address.</source>
        <translation>{found} gefunden, {count} Adresse(n) mit gestörter Antwort ({addresses}) bei {where}: Verdrahtung, Busabschluss und Baudrate prüfen, oder zwei Geräte mit derselben Adresse.</translation>
    </message>
    <message>
        <source>No device answered at {where}. Check wiring, baud rate and parity.</source>
        <translation>Kein Gerät hat bei {where} geantwortet. Verdrahtung, Baudrate und Parität prüfen.</translation>
    </message>
    <message>
        <source>The capture holds no identified 879-30xx meter ({reason}); it cannot be replayed.</source>
        <translation>Die Aufzeichnung enthält keinen erkannten 879-30xx-Zähler ({reason}); sie kann nicht wiedergegeben werden.</translation>
    </message>
    <message>
        <source>The M-Bus capture holds no RSP_UD telegram to replay.</source>
        <translation>Die M-Bus-Aufzeichnung enthält kein RSP_UD-Telegramm zum Wiedergeben.</translation>
    </message>
    <message>
        <source>The capture holds no register blocks to replay.</source>
        <translation>Die Aufzeichnung enthält keine Registerblöcke zum Wiedergeben.</translation>
    </message>
    <message>
        <source>A Modbus meter is reached by its address.</source>
        <translation>Ein Modbus-Zähler wird über seine Adresse erreicht.</translation>
    </message>
    <message>
        <source>A bus is a serial line: Modbus RTU or M-Bus, not {protocol}.</source>
        <translation>Ein Bus ist eine serielle Leitung: Modbus RTU oder M-Bus, nicht {protocol}.</translation>
    </message>
    <message>
        <source>The address scan is for Modbus RTU; over M-Bus use the secondary search.</source>
        <translation>Die Adresssuche gilt für Modbus RTU; verwenden Sie bei M-Bus die Sekundäradress-Suche.</translation>
    </message>
    <message>
        <source>The bus is busy ({job}): wait for it to finish or cancel it.</source>
        <translation>Der Bus ist belegt ({job}): Warten Sie, bis der Vorgang fertig ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>The bus was closed.</source>
        <translation>Der Bus wurde geschlossen.</translation>
    </message>
    <message>
        <source>The secondary search is for M-Bus.</source>
        <translation>Die Sekundäradress-Suche gilt für M-Bus.</translation>
    </message>
    <message>
        <source>A commissioning job runs on a Modbus RTU or M-Bus bus.</source>
        <translation>Ein Inbetriebnahme-Auftrag läuft an einem Modbus-RTU- oder M-Bus-Bus.</translation>
    </message>
    <message>
        <source>Address {address} is outside 1-{limit} for this bus.</source>
        <translation>Adresse {address} liegt für diesen Bus außerhalb von 1-{limit}.</translation>
    </message>
    <message>
        <source>Cannot create the job folder {folder}: {reason}.</source>
        <translation>Der Auftragsordner {folder} kann nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>Job state file</source>
        <translation>Auftragsstand-Datei</translation>
    </message>
    <message>
        <source>Job state file {path}</source>
        <translation>Auftragsstand-Datei {path}</translation>
    </message>
    <message>
        <source>Meter {serial} has no address planned.</source>
        <translation>Für Zähler {serial} ist keine Adresse geplant.</translation>
    </message>
    <message>
        <source>Meter {serial} was expected at address {address}, meter {other} answers there: nothing was written.</source>
        <translation>Zähler {serial} wurde an Adresse {address} erwartet, dort antwortet Zähler {other}: nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Only a template is written here.</source>
        <translation>Hier wird nur eine Vorlage geschrieben.</translation>
    </message>
    <message>
        <source>Plan file</source>
        <translation>Plandatei</translation>
    </message>
    <message>
        <source>Plan file {path}</source>
        <translation>Plandatei {path}</translation>
    </message>
    <message>
        <source>The job started over {before}; it resumes over the same bus, not {now}.</source>
        <translation>Der Auftrag wurde über {before} begonnen; er wird über denselben Bus fortgesetzt, nicht über {now}.</translation>
    </message>
    <message>
        <source>The plan expects {expected} meters, the bus search found {found}: check the wiring, then run the job again.</source>
        <translation>Der Plan erwartet {expected} Zähler, die Bussuche hat {found} gefunden: Prüfen Sie die Verdrahtung und starten Sie den Auftrag dann erneut.</translation>
    </message>
    <message>
        <source>The plan {plan} changed since its job started: start the job again (its state {state} would not match).</source>
        <translation>Der Plan {plan} wurde seit dem Start seines Auftrags geändert: Beginnen Sie den Auftrag neu (sein Stand {state} würde nicht passen).</translation>
    </message>
    <message>
        <source>The plan&apos;s addresses move meters onto each other&apos;s addresses in a ring; give one of them a free address first.</source>
        <translation>Die Adressen des Plans verschieben Zähler im Kreis auf die Adressen der anderen; geben Sie zuerst einem von ihnen eine freie Adresse.</translation>
    </message>
    <message>
        <source>a commissioning job state</source>
        <translation>ein Inbetriebnahme-Auftragsstand</translation>
    </message>
    <message>
        <source>a commissioning plan</source>
        <translation>ein Inbetriebnahmeplan</translation>
    </message>
    <message>
        <source>the template</source>
        <translation>die Vorlage</translation>
    </message>
    <message>
        <source>{name} does not match its schema at {where}: {problem}.</source>
        <translation>{name} passt an der Stelle {where} nicht zu seinem Schema: {problem}.</translation>
    </message>
    <message>
        <source>{name} gives the same address or serial to two meters.</source>
        <translation>{name} gibt zwei Zählern dieselbe Adresse oder Seriennummer.</translation>
    </message>
    <message>
        <source>{path} is a backup of meter {serial}, not a template: make one with &apos;configurator template new&apos;, or restore the backup.</source>
        <translation>{path} ist eine Sicherung von Zähler {serial}, keine Vorlage: Legen Sie eine mit &apos;configurator template new&apos; an oder stellen Sie die Sicherung wieder her.</translation>
    </message>
    <message>
        <source>Connecting factory meters one at a time needs someone to say when the next meter is connected: run the job at a terminal or in the window.</source>
        <translation>Zähler ab Werk einzeln anzuschließen braucht jemanden, der sagt, wann der nächste angeschlossen ist: Starten Sie den Auftrag in einem Terminal oder im Fenster.</translation>
    </message>
    <message>
        <source>{name}: one_at_a_time needs expected_meters and no meter planned at the factory address {address} (each new meter arrives there).</source>
        <translation>{name}: one_at_a_time braucht expected_meters und keinen Zähler, der für die Werksadresse {address} geplant ist (dort kommt jeder neue Zähler an).</translation>
    </message>
    <message>
        <source>The device at address {address} answers Modbus but has no meter code register {register}: it is not a WAGO 879-30xx (old PRO380 firmware uses another map).</source>
        <translation>Das Gerät an Adresse {address} antwortet über Modbus, hat aber kein Zählercode-Register {register}: es ist kein WAGO 879-30xx (ältere PRO380-Firmware nutzt eine andere Registertabelle).</translation>
    </message>
</context>
<context>
    <name>FreshnessLabel</name>
    <message>
        <source>⚠ Link down: read {age} ago</source>
        <translation>⚠ Verbindung unterbrochen: vor {age} gelesen</translation>
    </message>
    <message>
        <source>Read {age} ago</source>
        <translation>Vor {age} gelesen</translation>
    </message>
</context>
<context>
    <name>GuiMessages</name>
    <message>
        <source>No serial port given: choose one on the Connect page (ports present: {ports}).</source>
        <translation>Keine serielle Schnittstelle angegeben: bitte auf der Seite Verbinden eine wählen (vorhanden: {ports}).</translation>
    </message>
    <message>
        <source>No Bluetooth LE meter given: pick one on the Connect page (&apos;Search&apos; lists the meters in range).</source>
        <translation>Kein Bluetooth-LE-Zähler angegeben: bitte auf der Seite Verbinden einen wählen („Suchen“ listet die Zähler in Reichweite).</translation>
    </message>
    <message>
        <source>No Bluetooth LE meter {wanted} found within {seconds:g} s: check that it is in range with Bluetooth on, and not connected to another phone or computer (&apos;Search&apos; on the Connect page lists the meters in range).</source>
        <translation>Kein Bluetooth-LE-Zähler {wanted} innerhalb von {seconds:g} s gefunden: prüfen, ob er in Reichweite ist, Bluetooth eingeschaltet ist und er nicht mit einem anderen Telefon oder Computer verbunden ist („Suchen“ auf der Seite Verbinden listet die Zähler in Reichweite).</translation>
    </message>
    <message>
        <source>Finding every meter on a bus works over Modbus RTU or M-Bus; Bluetooth LE meters are listed by &apos;Search&apos; on the Connect page.</source>
        <translation>Alle Zähler eines Busses lassen sich über Modbus RTU oder M-Bus finden; Bluetooth-LE-Zähler listet „Suchen“ auf der Seite Verbinden.</translation>
    </message>
    <message>
        <source>M-Bus does not carry the software version and checksum (manual 4.3): check them over Modbus RTU.</source>
        <translation>M-Bus überträgt Softwareversion und Prüfsumme nicht (Handbuch 4.3): bitte über Modbus RTU prüfen.</translation>
    </message>
    <message>
        <source>Secondary address {text!r}: give the meter&apos;s 8-digit secondary address (e.g. 23000001).</source>
        <translation>Sekundäradresse {text!r}: bitte die 8-stellige Sekundäradresse des Zählers angeben (z. B. 23000001).</translation>
    </message>
    <message>
        <source>No M-Bus meter answers at {where} on {link}: check wiring (terminals 8, 9), baud rate (factory 2400) and address, or use &apos;Search bus&apos; on the Connect page. ({problem})</source>
        <translation>Kein M-Bus-Zähler antwortet unter {where} an {link}: Verdrahtung (Klemmen 8, 9), Baudrate (Werkseinstellung 2400) und Adresse prüfen oder „Bus durchsuchen“ auf der Seite Verbinden verwenden. ({problem})</translation>
    </message>
    <message>
        <source>{problem} Several meters may share primary address {address} (every meter ships with 0): find them with &apos;Search bus&apos; on the Connect page and connect one by its secondary address.</source>
        <translation>{problem} Möglicherweise teilen sich mehrere Zähler die Primäradresse {address} (jeder Zähler wird mit 0 ausgeliefert): mit „Bus durchsuchen“ auf der Seite Verbinden finden und einen über seine Sekundäradresse verbinden.</translation>
    </message>
    <message>
        <source>{path} is a backup of meter {serial}, not a template: press New on the Template page, or restore the backup on the Backup page.</source>
        <translation>{path} ist eine Sicherung von Zähler {serial}, keine Vorlage: Drücken Sie „Neu“ auf der Seite Vorlage oder stellen Sie die Sicherung auf der Seite „Sicherung &amp; Wiederherstellung“ wieder her.</translation>
    </message>
    <message>
        <source>Bluetooth LE {device} address {address}</source>
        <translation>Bluetooth LE {device} Adresse {address}</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Unwritten changes</source>
        <translation>Nicht geschriebene Änderungen</translation>
    </message>
    <message>
        <source>1 change has not been written to the meter.</source>
        <translation>1 Änderung wurde noch nicht in den Zähler geschrieben.</translation>
    </message>
    <message>
        <source>{count} changes have not been written to the meter.</source>
        <translation>{count} Änderungen wurden noch nicht in den Zähler geschrieben.</translation>
    </message>
    <message>
        <source>Write all ({count})</source>
        <translation>Alle schreiben ({count})</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>LinkOutcome</name>
    <message>
        <source>The meter may now answer at {new} or at {old}; the app looks for it at both.</source>
        <translation>Der Zähler antwortet jetzt möglicherweise unter {new} oder unter {old}; das Programm sucht ihn an beiden Stellen.</translation>
    </message>
    <message>
        <source>The meter now answers at {where}; the connection settings were updated.</source>
        <translation>Der Zähler antwortet jetzt unter {where}; die Verbindungseinstellungen wurden angepasst.</translation>
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
        <source>Freeze the charts (and stop reading the meter) to look closely; zoom and pan still work.</source>
        <translation>Diagramme anhalten (und das Lesen des Zählers unterbrechen), um genau hinzusehen; Zoomen und Verschieben gehen weiterhin.</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <source>The mouse wheel zooms the time axis and dragging moves back in time; this returns to the chosen span ending now.</source>
        <translation>Das Mausrad zoomt die Zeitachse, Ziehen geht in der Zeit zurück; dies kehrt zum gewählten Zeitraum bis jetzt zurück.</translation>
    </message>
    <message>
        <source>Every series of every tab over the time span shown, one row per sample.</source>
        <translation>Alle Messreihen aller Reiter über den angezeigten Zeitraum, eine Zeile je Messung.</translation>
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
        <source>⚠ Link down: values from {age} ago</source>
        <translation>⚠ Verbindung unterbrochen: Werte von vor {age}</translation>
    </message>
    <message>
        <source>Paused: values from {age} ago</source>
        <translation>Angehalten: Werte von vor {age}</translation>
    </message>
    <message>
        <source>⚠ No answer for {age}</source>
        <translation>⚠ Seit {age} keine Antwort</translation>
    </message>
    <message>
        <source>{time}: no samples here</source>
        <translation>{time}: hier keine Messwerte</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Time (ISO 8601, local time with UTC offset)</source>
        <translation>Zeit (ISO 8601, Ortszeit mit UTC-Versatz)</translation>
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
    <message>
        <source>Writing every page&apos;s changes…</source>
        <translation>Die Änderungen aller Seiten werden geschrieben…</translation>
    </message>
    <message>
        <source>Not written: not confirmed.</source>
        <translation>Nicht geschrieben: nicht bestätigt.</translation>
    </message>
    <message>
        <source>Nothing written: {reason}</source>
        <translation>Nichts geschrieben: {reason}</translation>
    </message>
    <message>
        <source>Nothing confirmed: {reason} Some values may have reached the meter: read the settings again once it answers.</source>
        <translation>Nichts bestätigt: {reason} Einige Werte können den Zähler erreicht haben: Lesen Sie die Einstellungen erneut, sobald er antwortet.</translation>
    </message>
    <message>
        <source>1 change not written yet</source>
        <translation>1 Änderung noch nicht geschrieben</translation>
    </message>
    <message>
        <source>{count} changes not written yet</source>
        <translation>{count} Änderungen noch nicht geschrieben</translation>
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
        <source>Every energy register by direction, tariff and phase, refreshed with the polling interval; the OBIS code (manual 6.8) has its own column.</source>
        <translation>Alle Energieregister nach Richtung, Tarif und Phase, im Abfrageintervall aktualisiert; die OBIS-Kennzahl (Handbuch 6.8) steht in einer eigenen Spalte.</translation>
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
    <message>
        <source>Wiring check</source>
        <translation>Verdrahtungsprüfung</translation>
    </message>
    <message>
        <source>Reads the live values and judges the wiring: a reversed CT or load, a current on the wrong phase (2PU CT), a missing phase or neutral, voltage and frequency against EN 50160, unbalance. With too little current the verdict is “cannot judge”, never a pass. Say which direction the energy should flow.</source>
        <translation>Liest die Momentanwerte und beurteilt die Verdrahtung: verkehrt angeschlossener Stromwandler oder Abgang, Strom auf der falschen Phase (2PU CT), fehlende Phase oder fehlender Neutralleiter, Spannung und Frequenz nach EN 50160, Unsymmetrie. Bei zu wenig Strom lautet das Ergebnis „nicht beurteilbar“, nie „bestanden“. Geben Sie an, in welche Richtung die Energie fließen soll.</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>Every meter on the bus at once: find them, then watch their readings and wiring verdicts side by side. Double-click a meter to work on it alone.</source>
        <translation>Alle Zähler am Bus auf einmal: Suchen Sie sie und beobachten Sie dann Messwerte und Verdrahtungsurteile nebeneinander. Doppelklicken Sie auf einen Zähler, um mit ihm allein zu arbeiten.</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>Inbetriebnahme</translation>
    </message>
    <message>
        <source>Commission every meter on a bus in one job: find them, check each one, give each its address, apply a template, judge the wiring under load, back them up and write one report. The job can be paused and resumed; each step finishes before the next starts.</source>
        <translation>Nehmen Sie alle Zähler eines Busses in einem Auftrag in Betrieb: finden, jeden prüfen, jedem seine Adresse geben, eine Vorlage anwenden, die Verdrahtung unter Last beurteilen, sichern und einen Bericht schreiben. Der Auftrag kann angehalten und fortgesetzt werden; jeder Schritt wird fertig, bevor der nächste beginnt.</translation>
    </message>
    <message>
        <source>Prepare the settings for a site before you get there: no meter needs to be connected. Each value is checked as a write to the meter would be. Addresses and the CT ratio belong to one meter and are only written when you tick them.</source>
        <translation>Bereiten Sie die Einstellungen für eine Anlage vor, bevor Sie vor Ort sind: Kein Zähler muss angeschlossen sein. Jeder Wert wird geprüft wie ein Schreiben in den Zähler. Adressen und das Wandlerverhältnis gehören zu einem Zähler und werden nur geschrieben, wenn Sie sie ankreuzen.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
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
    <name>PhasorWidget</name>
    <message>
        <source>Press “Check now” to draw the phasors.</source>
        <translation>„Jetzt prüfen“ drücken, um die Zeiger zu zeichnen.</translation>
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
        <source>Software checksum (table 4.3)</source>
        <translation>Software-Prüfsumme (Tabelle 4.3)</translation>
    </message>
    <message>
        <source>{phase} voltage</source>
        <translation>{phase} Spannung</translation>
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
        <source>CANNOT JUDGE</source>
        <translation>NICHT BEURTEILBAR</translation>
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
        <source>import</source>
        <translation>Bezug</translation>
    </message>
    <message>
        <source>export</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>either direction</source>
        <translation>beide Richtungen</translation>
    </message>
    <message>
        <source>{flow} on {phases}</source>
        <translation>{flow} auf {phases}</translation>
    </message>
    <message>
        <source>Wiring check (expected: {expected})</source>
        <translation>Verdrahtungsprüfung (erwartet: {expected})</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was tun</translation>
    </message>
    <message>
        <source>PHASE {phases} REVERSED: current flows opposite to the expected direction. Check the CT orientation and wiring before putting this meter into service.</source>
        <translation>PHASE {phases} VERTAUSCHT: der Strom fließt entgegen der erwarteten Richtung. Einbaurichtung der Stromwandler und Verdrahtung prüfen, bevor der Zähler in Betrieb geht.</translation>
    </message>
    <message>
        <source>WIRING FAULT: {explanation} Correct it before putting this meter into service.</source>
        <translation>VERDRAHTUNGSFEHLER: {explanation} Vor der Inbetriebnahme des Zählers beheben.</translation>
    </message>
    <message>
        <source>FAILED: {checks}. See the checks below.</source>
        <translation>FEHLER: {checks}. Siehe die Prüfungen unten.</translation>
    </message>
    <message>
        <source>Not everything could be judged (see the items marked CANNOT JUDGE): this is not a pass.</source>
        <translation>Nicht alles ließ sich beurteilen (siehe die mit NICHT BEURTEILBAR markierten Punkte): das ist kein Bestehen.</translation>
    </message>
    <message>
        <source>No check failed; see the items marked CHECK.</source>
        <translation>Keine Prüfung ist fehlgeschlagen; siehe die mit PRÜFEN markierten Punkte.</translation>
    </message>
    <message>
        <source>All checks passed: checksum, voltages, current directions and phases are as expected.</source>
        <translation>Alle Prüfungen bestanden: Prüfsumme, Spannungen, Stromrichtungen und Phasen sind wie erwartet.</translation>
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
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Changed during commissioning</source>
        <translation>Bei der Inbetriebnahme geändert</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Commissioning job</source>
        <translation>Inbetriebnahme-Auftrag</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Installer</source>
        <translation>Installateur</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Meters of this job</source>
        <translation>Zähler dieses Auftrags</translation>
    </message>
    <message>
        <source>Nothing was changed on this meter.</source>
        <translation>An diesem Zähler wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
</context>
<context>
    <name>RestorePreview</name>
    <message>
        <source>Restore a backup of another model?</source>
        <translation>Sicherung eines anderen Modells wiederherstellen?</translation>
    </message>
    <message>
        <source>The file is of a {source}, this meter is a {model}. Only the settings this meter has are written.</source>
        <translation>Die Datei stammt von einem {source}, dieser Zähler ist ein {model}. Geschrieben werden nur die Einstellungen, die dieser Zähler hat.</translation>
    </message>
    <message>
        <source>Will be written:</source>
        <translation>Wird geschrieben:</translation>
    </message>
    <message>
        <source>Nothing will be written: the meter already holds the file&apos;s values.</source>
        <translation>Es wird nichts geschrieben: Der Zähler enthält bereits die Werte der Datei.</translation>
    </message>
    <message>
        <source>Unchanged: {count} settings already hold the file&apos;s value.</source>
        <translation>Unverändert: {count} Einstellungen haben bereits den Wert der Datei.</translation>
    </message>
    <message>
        <source>Will not be written:</source>
        <translation>Wird nicht geschrieben:</translation>
    </message>
    <message>
        <source>Write 1 setting</source>
        <translation>1 Einstellung schreiben</translation>
    </message>
    <message>
        <source>Write {count} settings</source>
        <translation>{count} Einstellungen schreiben</translation>
    </message>
</context>
<context>
    <name>S0Page</name>
    <message>
        <source>The meter accepts pulse widths of 2-99 ms; connect to see which may overlap at full load.</source>
        <translation>Der Zähler nimmt Impulslängen von 2–99 ms an; verbinden Sie einen Zähler, um zu sehen, welche sich unter Volllast überlappen können.</translation>
    </message>
    <message>
        <source>The meter accepts 2-99 ms. At {rate} imp/kWh on a {model}, pulses up to {limit} ms stay apart at full load; longer ones are written with a warning.</source>
        <translation>Der Zähler nimmt 2–99 ms an. Bei {rate} imp/kWh bleiben beim {model} unter Volllast Impulse bis {limit} ms getrennt; längere werden mit einer Warnung geschrieben.</translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Scan the Modbus bus</source>
        <translation>Modbus absuchen</translation>
    </message>
    <message>
        <source>Port {port}, {baud} baud, parity {parity}. Change them on the Connect page.</source>
        <translation>Schnittstelle {port}, {baud} Baud, Parität {parity}. Änderbar auf der Seite Verbinden.</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Von Adresse</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Start scan</source>
        <translation>Absuchen starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
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
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Double-click a meter to connect to it.</source>
        <translation>Doppelklick auf einen Zähler verbindet mit ihm.</translation>
    </message>
    <message>
        <source>The bus scan is for Modbus RTU. Over M-Bus use &apos;Search bus&apos; on the Connect page; Bluetooth LE meters are found with &apos;Search&apos; there.</source>
        <translation>Das Absuchen ist für Modbus RTU. Über M-Bus „Bus durchsuchen“ auf der Seite Verbinden verwenden; Bluetooth-LE-Zähler findet dort „Suchen“.</translation>
    </message>
    <message>
        <source>Choose a serial port on the Connect page first.</source>
        <translation>Bitte zuerst auf der Seite Verbinden eine serielle Schnittstelle wählen.</translation>
    </message>
    <message>
        <source>A scan needs the whole bus: the connection to the meter is closed when the scan starts.</source>
        <translation>Das Absuchen braucht den ganzen Bus: die Verbindung zum Zähler wird beim Start getrennt.</translation>
    </message>
    <message>
        <source>Each address gets one short read; an empty address costs a few tens of milliseconds.</source>
        <translation>Jede Adresse wird einmal kurz gelesen; eine leere Adresse kostet einige zehn Millisekunden.</translation>
    </message>
    <message>
        <source>Scanning addresses {first}-{last}…</source>
        <translation>Adressen {first}–{last} werden abgesucht…</translation>
    </message>
    <message>
        <source>Address {address} ({done} of {total}): {count} found</source>
        <translation>Adresse {address} ({done} von {total}): {count} gefunden</translation>
    </message>
    <message>
        <source>Found {count} meters at addresses {first}-{last}. Double-click one to connect.</source>
        <translation>{count} Zähler an den Adressen {first}–{last} gefunden. Doppelklick verbindet.</translation>
    </message>
    <message>
        <source>No meter answered at addresses {first}-{last}. Check the wiring (A/B swapped?), the baud rate and the termination.</source>
        <translation>An den Adressen {first}–{last} hat kein Zähler geantwortet. Verdrahtung (A/B vertauscht?), Baudrate und Busabschluss prüfen.</translation>
    </message>
    <message>
        <source>Scan cancelled after {count} addresses.</source>
        <translation>Absuchen nach {count} Adressen abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>The checksum or software version did not decode.</source>
        <translation>Prüfsumme oder Softwareversion ließen sich nicht auswerten.</translation>
    </message>
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
        <source>the meter answers at neither link point</source>
        <translation>der Zähler antwortet an keiner der beiden Stellen</translation>
    </message>
    <message>
        <source>address {address}, {baudrate} baud, parity {parity} (--address {address} --baud {baudrate} --parity {option})</source>
        <translation>Adresse {address}, {baudrate} Baud, Parität {parity} (--address {address} --baud {baudrate} --parity {option})</translation>
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
        <source>the backup holds no value for it</source>
        <translation>die Sicherung enthält keinen Wert dafür</translation>
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
        <source>stale bytes discarded</source>
        <translation>veraltete Bytes verworfen</translation>
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
        <source>M-Bus {kind}</source>
        <translation>M-Bus {kind}</translation>
    </message>
    <message>
        <source>{what} — {note}</source>
        <translation>{what} — {note}</translation>
    </message>
    <message>
        <source>{link}, Modbus address {address} (--protocol ble --device {name} --address {address})</source>
        <translation>{link}, Modbus-Adresse {address} (--protocol ble --device {name} --address {address})</translation>
    </message>
    <message>
        <source>as the manual&apos;s A2.3 example prints it</source>
        <translation>wie das Beispiel in A2.3 des Handbuchs es zeigt</translation>
    </message>
    <message>
        <source>BCD least significant byte first in 0.01 imp/kWh (A2.3: 00 00 01 00 = 100), and if the meter reads the bytes the other way round, rates such as 10 are off 100-fold</source>
        <translation>BCD, niederwertigstes Byte zuerst, in 0,01 Imp./kWh (A2.3: 00 00 01 00 = 100), und liest der Zähler die Bytes andersherum, liegen Raten wie 10 um den Faktor 100 daneben</translation>
    </message>
    <message>
        <source>unverified: M-Bus writes {key} as {reading} [{name}], so check the value on the meter&apos;s display or over Modbus RTU</source>
        <translation>unbestätigt: M-Bus schreibt {key} als {reading} [{name}], prüfen Sie den Wert daher auf der Anzeige des Zählers oder über Modbus RTU</translation>
    </message>
    <message>
        <source>it runs past the end of the telegram</source>
        <translation>er reicht über das Ende des Telegramms hinaus</translation>
    </message>
    <message>
        <source>its data is not valid for its coding</source>
        <translation>seine Daten passen nicht zu seiner Kodierung</translation>
    </message>
    <message>
        <source>its DIF or VIF gives no length this tool can follow, so nothing after it was read</source>
        <translation>sein DIF oder VIF gibt keine Länge an, der dieses Programm folgen kann, daher wurde nichts danach gelesen</translation>
    </message>
    <message>
        <source>it repeats the DIF and VIF of an earlier record, so it is not taken as that value again</source>
        <translation>er wiederholt DIF und VIF eines früheren Datensatzes und wird daher nicht noch einmal als dieser Wert genommen</translation>
    </message>
    <message>
        <source>more data bytes follow than its DIF announces (the manual prints its CT rate row this way)</source>
        <translation>es folgen mehr Datenbytes, als sein DIF ankündigt (so druckt das Handbuch seine Zeile für das Wandlerverhältnis)</translation>
    </message>
    <message>
        <source>The RSP_UD record at byte {offset} ({data}) was not decoded: {reason}; {count} other records were read.</source>
        <translation>Der RSP_UD-Datensatz bei Byte {offset} ({data}) wurde nicht dekodiert: {reason}; {count} andere Datensätze wurden gelesen.</translation>
    </message>
    <message>
        <source>answered garbled</source>
        <translation>gestörte Antwort</translation>
    </message>
    <message>
        <source>{count} RSP_UD telegram(s)</source>
        <translation>{count} RSP_UD-Telegramm(e)</translation>
    </message>
    <message>
        <source>{count} register blocks ({refused} answered with an exception)</source>
        <translation>{count} Registerblöcke ({refused} mit einer Ausnahme beantwortet)</translation>
    </message>
    <message>
        <source>Captured {who} (serial {serial}) over {transport}: {held}, {frames} frames of traffic.</source>
        <translation>{who} (Seriennummer {serial}) über {transport} aufgezeichnet: {held}, {frames} Frames Datenverkehr.</translation>
    </message>
    <message>
        <source>the meter acknowledged the write; {transport} cannot read {key} back</source>
        <translation>der Zähler hat das Schreiben quittiert; {transport} kann {key} nicht zurücklesen</translation>
    </message>
    <message>
        <source>{message}; {unverified}</source>
        <translation>{message}; {unverified}</translation>
    </message>
    <message>
        <source>sent without a clean answer ({reason}); {transport} cannot read {key} back, so whether the meter holds {value} is unknown</source>
        <translation>ohne saubere Antwort gesendet ({reason}); {transport} kann {key} nicht zurücklesen, ob der Zähler {value} übernommen hat, ist daher unbekannt</translation>
    </message>
    <message>
        <source>sent without a clean answer ({reason}), and reading it again failed too: the meter may or may not hold {value}</source>
        <translation>ohne saubere Antwort gesendet ({reason}), und auch das erneute Lesen ist fehlgeschlagen: Der Zähler hat {value} vielleicht übernommen, vielleicht nicht</translation>
    </message>
    <message>
        <source>the meter acknowledged the write, but reading it back failed ({reason}): it may or may not hold {value}</source>
        <translation>der Zähler hat das Schreiben quittiert, aber das Zurücklesen ist fehlgeschlagen ({reason}): Er hat {value} vielleicht übernommen, vielleicht nicht</translation>
    </message>
    <message>
        <source>the answer to the write was lost ({sends} sent); reading it again shows {value}</source>
        <translation>die Antwort auf das Schreiben ging verloren ({sends} gesendet); erneutes Lesen zeigt {value}</translation>
    </message>
    <message>
        <source>sent without a clean answer ({reason}); the meter now holds {after}, neither {before} nor {value}</source>
        <translation>ohne saubere Antwort gesendet ({reason}); der Zähler hat jetzt {after}, weder {before} noch {value}</translation>
    </message>
    <message>
        <source>sent {sends} time(s) without a clean answer ({reason}); the meter still holds {after}</source>
        <translation>{sends}-mal ohne saubere Antwort gesendet ({reason}); der Zähler hat weiterhin {after}</translation>
    </message>
    <message>
        <source>not sent: {reason}</source>
        <translation>nicht gesendet: {reason}</translation>
    </message>
    <message>
        <source>sent, then the link was lost ({reason}): the meter may answer at {new} or at {old}</source>
        <translation>gesendet, dann ist die Verbindung verloren gegangen ({reason}): Der Zähler antwortet möglicherweise unter {new} oder unter {old}</translation>
    </message>
    <message>
        <source>sent, then the link was lost ({reason}): whether the meter holds {value} is unknown</source>
        <translation>gesendet, dann ist die Verbindung verloren gegangen ({reason}): Ob der Zähler {value} übernommen hat, ist unbekannt</translation>
    </message>
    <message>
        <source>the meter did not take it: it still answers at {old}</source>
        <translation>der Zähler hat es nicht übernommen: Er antwortet weiterhin unter {old}</translation>
    </message>
    <message>
        <source>sent, but the meter answers neither at {new} nor at {old}: it may answer at either</source>
        <translation>gesendet, aber der Zähler antwortet weder unter {new} noch unter {old}: Er kann unter beiden antworten</translation>
    </message>
    <message>
        <source>reading the counter after the reset failed ({reason}): it may or may not be reset</source>
        <translation>das Lesen des Zählwerks nach dem Zurücksetzen ist fehlgeschlagen ({reason}): Es ist vielleicht zurückgesetzt, vielleicht nicht</translation>
    </message>
    <message>
        <source>the meter acknowledged the reset; {transport} cannot read the counter back</source>
        <translation>der Zähler hat das Zurücksetzen quittiert; {transport} kann das Zählwerk nicht zurücklesen</translation>
    </message>
    <message>
        <source>sent without a clean answer ({reason}); {transport} cannot read the counter back, so whether it is reset is unknown</source>
        <translation>ohne saubere Antwort gesendet ({reason}); {transport} kann das Zählwerk nicht zurücklesen, ob es zurückgesetzt ist, ist daher unbekannt</translation>
    </message>
    <message>
        <source>the answer to the reset was lost ({sends} sent); reading the counter again shows {after}</source>
        <translation>die Antwort auf das Zurücksetzen ging verloren ({sends} gesendet); erneutes Lesen des Zählwerks zeigt {after}</translation>
    </message>
    <message>
        <source>the meter refused {width} ms at {rate} imp/kWh (exception {code})</source>
        <translation>der Zähler hat {width} ms bei {rate} imp/kWh abgelehnt (Ausnahme {code})</translation>
    </message>
    <message>
        <source>secondary address {secondary}, {baud} baud</source>
        <translation>Sekundäradresse {secondary}, {baud} Baud</translation>
    </message>
    <message>
        <source>primary address {address}, {baud} baud</source>
        <translation>Primäradresse {address}, {baud} Baud</translation>
    </message>
    <message>
        <source>Modbus address {address}</source>
        <translation>Modbus-Adresse {address}</translation>
    </message>
    <message>
        <source>Changing the CT ratio from {before} to {after} uses one of the 7 allowed changes (how many are left is unknown: the meter did not answer every CT history slot) and cannot be undone.</source>
        <translation>Das Ändern des Wandlerverhältnisses von {before} auf {after} verbraucht eine der 7 erlaubten Änderungen (wie viele noch übrig sind, ist unbekannt: der Zähler hat nicht jeden Platz der Wandlerhistorie beantwortet) und kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Changing the CT ratio from {before} to {after} uses one of the 7 allowed changes ({left} left, {after_left} after this) and cannot be undone.</source>
        <translation>Die Änderung des Wandlerverhältnisses von {before} auf {after} verbraucht eine der 7 erlaubten Änderungen ({left} übrig, danach {after_left}) und kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Selecting tariff T{after}: energy counted in T3 and T4 stays in the MID display area and can never be removed or reset (manual A1.2).</source>
        <translation>Auswahl von Tarif T{after}: In T3 und T4 gezählte Energie bleibt im MID-Anzeigebereich und kann nie entfernt oder zurückgesetzt werden (Handbuch A1.2).</translation>
    </message>
    <message>
        <source>{action}: the counter goes back to 0 and its old value ({before}) is gone.</source>
        <translation>{action}: Das Zählwerk geht auf 0 zurück, und sein alter Wert ({before}) ist verloren.</translation>
    </message>
    <message>
        <source>{key} {before} -&gt; {after} moves the link: the meter then answers only at the new setting.</source>
        <translation>{key} {before} -&gt; {after} verlegt die Verbindung: Der Zähler antwortet danach nur noch unter der neuen Einstellung.</translation>
    </message>
    <message>
        <source>The PIN cannot be remembered: this computer has no usable OS keyring (no Secret Service, KWallet, macOS Keychain or Windows Credential Locker).</source>
        <translation>Die PIN kann nicht gespeichert werden: dieser Computer hat keinen nutzbaren Schlüsselbund (weder Secret Service, KWallet, macOS-Schlüsselbund noch Windows-Anmeldeinformationsverwaltung).</translation>
    </message>
    <message>
        <source>The PIN cannot be remembered: the Python package &apos;keyring&apos; is not installed.</source>
        <translation>Die PIN kann nicht gespeichert werden: das Python-Paket &apos;keyring&apos; ist nicht installiert.</translation>
    </message>
    <message>
        <source>The PIN for {name} is now remembered in the OS keyring.</source>
        <translation>Die PIN für {name} ist jetzt im Schlüsselbund des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>The PIN for {name} was removed from the OS keyring.</source>
        <translation>Die PIN für {name} wurde aus dem Schlüsselbund des Betriebssystems entfernt.</translation>
    </message>
    <message>
        <source>No PIN was remembered for {name} in the OS keyring.</source>
        <translation>Für {name} war keine PIN im Schlüsselbund des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>The OS keyring refused to store the PIN for {name} (is it locked?).</source>
        <translation>Der Schlüsselbund des Betriebssystems hat das Speichern der PIN für {name} verweigert (ist er gesperrt?).</translation>
    </message>
    <message>
        <source>The OS keyring refused to remove the PIN for {name} (is it locked?).</source>
        <translation>Der Schlüsselbund des Betriebssystems hat das Entfernen der PIN für {name} verweigert (ist er gesperrt?).</translation>
    </message>
    <message>
        <source>M-Bus search</source>
        <translation>M-Bus-Suche</translation>
    </message>
    <message>
        <source>auto-detect</source>
        <translation>automatische Erkennung</translation>
    </message>
    <message>
        <source>bus scan</source>
        <translation>Bus-Suche</translation>
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
        <source>The manual allows 2-99 ms &quot;depending on the pulse rate&quot;; a width that may let pulses overlap at full load is shown as a warning.</source>
        <translation>Das Handbuch erlaubt 2–99 ms „abhängig von der Impulsrate“; eine Impulslänge, bei der sich Impulse unter Volllast überlappen können, wird als Warnung angezeigt.</translation>
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
    <message>
        <source>{amps:g} A, the primary current of CT {ratio}</source>
        <translation>{amps:g} A, der Primärstrom des Wandlers {ratio}</translation>
    </message>
    <message>
        <source>{amps:g} A</source>
        <translation>{amps:g} A</translation>
    </message>
    <message>
        <source>{key} {width} ms at {rate} imp/kWh may be too long on this {model}: at full load ({load}, 3 x 230 V) a pulse comes every {period:.1f} ms, so pulses longer than {limit} ms may overlap. The manual allows 2-99 ms depending on the pulse rate without a formula: the meter decides.</source>
        <translation>{key} {width} ms bei {rate} imp/kWh ist für diesen {model} möglicherweise zu lang: Unter Volllast ({load}, 3 x 230 V) kommt alle {period:.1f} ms ein Impuls, Impulse länger als {limit} ms können sich also überlappen. Das Handbuch erlaubt 2–99 ms abhängig von der Impulsrate ohne Formel: Der Zähler entscheidet.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>= unchanged</source>
        <translation>= unverändert</translation>
    </message>
    <message>
        <source>… not attempted</source>
        <translation>… nicht versucht</translation>
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
        <source>✔ written, read back</source>
        <translation>✔ geschrieben, zurückgelesen</translation>
    </message>
    <message>
        <source>✔ acknowledged (cannot be read back)</source>
        <translation>✔ quittiert (nicht zurücklesbar)</translation>
    </message>
    <message>
        <source>✖ refused by the meter</source>
        <translation>✖ vom Zähler abgelehnt</translation>
    </message>
    <message>
        <source>✖ reads back another value</source>
        <translation>✖ liest einen anderen Wert zurück</translation>
    </message>
    <message>
        <source>✖ not taken</source>
        <translation>✖ nicht übernommen</translation>
    </message>
    <message>
        <source>? unknown: sent, no answer</source>
        <translation>? unbekannt: gesendet, keine Antwort</translation>
    </message>
    <message>
        <source>Manual {menu}</source>
        <translation>Handbuch {menu}</translation>
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
        <source>Not written: not confirmed.</source>
        <translation>Nicht geschrieben: nicht bestätigt.</translation>
    </message>
    <message>
        <source>Not written: {reason}</source>
        <translation>Nicht geschrieben: {reason}</translation>
    </message>
    <message>
        <source>Nothing confirmed: {reason} Some values may have reached the meter: press &apos;Read from meter&apos; once it answers again.</source>
        <translation>Nichts bestätigt: {reason} Einige Werte können den Zähler erreicht haben: Drücken Sie „Vom Zähler lesen“, sobald er wieder antwortet.</translation>
    </message>
    <message>
        <source>the meter now holds {value}</source>
        <translation>der Zähler hat jetzt {value}</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Abgebrochen: {reason}</translation>
    </message>
    <message>
        <source>Write the unwritten changes of every page at once, with one report per setting.</source>
        <translation>Die nicht geschriebenen Änderungen aller Seiten auf einmal schreiben, mit einem Ergebnis je Einstellung.</translation>
    </message>
    <message>
        <source>Could not read the settings: {reason}</source>
        <translation>Die Einstellungen konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Write all ({count})</source>
        <translation>Alle schreiben ({count})</translation>
    </message>
    <message>
        <source>Write all: every change written.</source>
        <translation>Alle schreiben: Jede Änderung wurde geschrieben.</translation>
    </message>
    <message>
        <source>Write all: not every change went through.</source>
        <translation>Alle schreiben: Nicht jede Änderung ist durchgegangen.</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Timeouts and garbled answers per 100 transactions, over the last 100 transactions.</source>
        <translation>Zeitüberschreitungen und gestörte Antworten je 100 Transaktionen, über die letzten 100 Transaktionen.</translation>
    </message>
    <message>
        <source>When the meter last answered a poll.</source>
        <translation>Wann der Zähler zuletzt auf eine Abfrage geantwortet hat.</translation>
    </message>
    <message>
        <source>Port or device</source>
        <translation>Schnittstelle oder Gerät</translation>
    </message>
    <message>
        <source>Secondary {address}</source>
        <translation>Sekundär {address}</translation>
    </message>
    <message>
        <source>Address {address}</source>
        <translation>Adresse {address}</translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation>Abfrage angehalten</translation>
    </message>
    <message>
        <source>Poll {seconds} s</source>
        <translation>Abfrage {seconds} s</translation>
    </message>
    <message>
        <source>● Answers garbled</source>
        <translation>● Antworten gestört</translation>
    </message>
    <message>
        <source>Answers are garbled: two meters may share this address, or the wiring/termination/baud rate is wrong.</source>
        <translation>Antworten sind gestört: zwei Zähler teilen sich vielleicht diese Adresse, oder Verdrahtung, Busabschluss oder Baudrate stimmen nicht.</translation>
    </message>
    <message>
        <source>● Collision</source>
        <translation>● Kollision</translation>
    </message>
    <message>
        <source>Two meters answered at once: give every meter its own address.</source>
        <translation>Zwei Zähler haben gleichzeitig geantwortet: jedem Zähler eine eigene Adresse geben.</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>Noch keine Antwort</translation>
    </message>
    <message>
        <source>Answer {age} ago</source>
        <translation>Antwort vor {age}</translation>
    </message>
    <message>
        <source>Errors {rate}/100</source>
        <translation>Fehler {rate}/100</translation>
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
    <name>TemplatePage</name>
    <message>
        <source>Apply to this meter</source>
        <translation>Auf diesen Zähler anwenden</translation>
    </message>
    <message>
        <source>Applying the template…</source>
        <translation>Vorlage wird angewendet…</translation>
    </message>
    <message>
        <source>Cannot use this file: {reason}</source>
        <translation>Diese Datei ist nicht verwendbar: {reason}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>New template for the {model}: not saved yet.</source>
        <translation>Neue Vorlage für den {model}: noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Open a template</source>
        <translation>Vorlage öffnen</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <source>Saved the template for the {model} to {path}.</source>
        <translation>Vorlage für den {model} unter {path} gespeichert.</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Angehalten: {reason}</translation>
    </message>
    <message>
        <source>Template {path} for the {model}.</source>
        <translation>Vorlage {path} für den {model}.</translation>
    </message>
    <message>
        <source>Templates (*.json)</source>
        <translation>Vorlagen (*.json)</translation>
    </message>
    <message>
        <source>{written} setting(s) written and read back, {unchanged} already as in the template, {other} not written on this meter or link.</source>
        <translation>{written} Einstellung(en) geschrieben und zurückgelesen, {unchanged} schon wie in der Vorlage, {other} an diesem Zähler oder über diese Verbindung nicht geschrieben.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
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
<context>
    <name>Widgets</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Meter</source>
        <translation>&amp;Zähler</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Open backup…</source>
        <translation>Sicherung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save backup…</source>
        <translation>Sicherung &amp;speichern…</translation>
    </message>
    <message>
        <source>Commissioning &amp;report…</source>
        <translation>Inbetriebnahme&amp;protokoll…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Scan the bus…</source>
        <translation>Bus &amp;absuchen…</translation>
    </message>
    <message>
        <source>&amp;Read all settings</source>
        <translation>Alle Einstellungen &amp;lesen</translation>
    </message>
    <message>
        <source>&amp;Write all changes…</source>
        <translation>Alle Änderungen &amp;schreiben…</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>&amp;Seiten</translation>
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
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>The user guide is not installed with this build.</source>
        <translation>Das Benutzerhandbuch ist in dieser Ausgabe nicht enthalten.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;WAGO 879-30xx Meter Configurator&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Configures WAGO 879-30xx MID energy meters over Modbus RTU, M-Bus and Bluetooth LE.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;WAGO 879-30xx Meter Configurator&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Konfiguriert WAGO-MID-Energiezähler 879-30xx über Modbus RTU, M-Bus und Bluetooth LE.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>&amp;Write all changes ({count})…</source>
        <translation>Alle Änderungen &amp;schreiben ({count})…</translation>
    </message>
    <message>
        <source>Every page&apos;s unwritten changes, with one report per setting.</source>
        <translation>Die nicht geschriebenen Änderungen aller Seiten, mit einem Ergebnis je Einstellung.</translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <source>nominal phase voltage</source>
        <translation>Nennspannung je Phase</translation>
    </message>
    <message>
        <source>supply voltage tolerance</source>
        <translation>Toleranz der Versorgungsspannung</translation>
    </message>
    <message>
        <source>below this a phase is missing</source>
        <translation>darunter fehlt eine Phase</translation>
    </message>
    <message>
        <source>largest deviation of a line voltage from the phase voltages</source>
        <translation>größte Abweichung einer Außenleiterspannung von den Strangspannungen</translation>
    </message>
    <message>
        <source>voltage unbalance</source>
        <translation>Spannungsunsymmetrie</translation>
    </message>
    <message>
        <source>nominal frequency</source>
        <translation>Nennfrequenz</translation>
    </message>
    <message>
        <source>frequency tolerance</source>
        <translation>Frequenztoleranz</translation>
    </message>
    <message>
        <source>least current to judge, share of the base current Ib</source>
        <translation>Mindeststrom für eine Beurteilung, Anteil am Basisstrom Ib</translation>
    </message>
    <message>
        <source>largest lag of a plausible load (cos phi 0.5 inductive)</source>
        <translation>größte Nacheilung einer plausiblen Last (cos phi 0,5 induktiv)</translation>
    </message>
    <message>
        <source>largest lead of a plausible load (cos phi 0.8 capacitive)</source>
        <translation>größte Voreilung einer plausiblen Last (cos phi 0,8 kapazitiv)</translation>
    </message>
    <message>
        <source>lag of a typical load (cos phi 0.97 inductive)</source>
        <translation>Nacheilung einer typischen Last (cos phi 0,97 induktiv)</translation>
    </message>
    <message>
        <source>how much closer to typical, per phase, the best explanation must be to count as the only one</source>
        <translation>wie viel näher am Typischen die beste Erklärung je Phase liegen muss, um als einzige zu gelten</translation>
    </message>
    <message>
        <source>largest apparent-power difference between phases</source>
        <translation>größte Scheinleistungsdifferenz zwischen den Phasen</translation>
    </message>
    <message>
        <source>On a direct-connected meter voltage and current share each phase&apos;s terminals, so a current cannot sit on the wrong phase: only its direction is judged.</source>
        <translation>Bei einem direkt messenden Zähler teilen sich Spannung und Strom die Klemmen jeder Phase, ein Strom kann also nicht auf der falschen Phase liegen: beurteilt wird nur seine Richtung.</translation>
    </message>
    <message>
        <source>PF alone cannot tell these apart. To confirm, switch off motors and other reactive loads and switch on a purely resistive load such as a heater on every phase: each phase must then read PF about 1 (an angle near 0°) in the expected direction.</source>
        <translation>Der Leistungsfaktor allein kann das nicht unterscheiden. Zur Bestätigung Motoren und andere Blindlasten abschalten und auf jeder Phase eine rein ohmsche Last wie einen Heizlüfter einschalten: jede Phase muss dann einen PF von etwa 1 (Winkel nahe 0°) in der erwarteten Richtung zeigen.</translation>
    </message>
    <message>
        <source>{first} or {rest}</source>
        <translation>{first} oder {rest}</translation>
    </message>
    <message>
        <source>{first}; or {rest}</source>
        <translation>{first}; oder {rest}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>imports {power:.3f} kW at PF {pf:.2f}</source>
        <translation>bezieht {power:.3f} kW bei PF {pf:.2f}</translation>
    </message>
    <message>
        <source>exports {power:.3f} kW at PF {pf:.2f}</source>
        <translation>liefert {power:.3f} kW bei PF {pf:.2f}</translation>
    </message>
    <message>
        <source>its own current reversed</source>
        <translation>ihr eigener Strom in Gegenrichtung</translation>
    </message>
    <message>
        <source>its own current as expected</source>
        <translation>ihr eigener Strom wie erwartet</translation>
    </message>
    <message>
        <source>the current of {other}, reversed</source>
        <translation>der Strom von {other}, in Gegenrichtung</translation>
    </message>
    <message>
        <source>the current of {other}</source>
        <translation>der Strom von {other}</translation>
    </message>
    <message>
        <source>Turn the CT on {phase} round (P1/K towards the supply) or swap its two wires at the meter&apos;s IN CT{n} and OUT CT{n}.</source>
        <translation>Den Stromwandler auf {phase} umdrehen (P1/K zur Netzseite) oder seine beiden Leitungen an IN CT{n} und OUT CT{n} des Zählers tauschen.</translation>
    </message>
    <message>
        <source>Swap the {phase} wires at the meter&apos;s IN {phase} and OUT {phase} terminals: the supply side belongs on IN.</source>
        <translation>Die Leiter von {phase} an den Klemmen IN {phase} und OUT {phase} des Zählers tauschen: die Netzseite gehört an IN.</translation>
    </message>
    <message>
        <source>{phase} {flow}: its own current, in the expected direction ({expect}).</source>
        <translation>{phase} {flow}: ihr eigener Strom, in der erwarteten Richtung ({expect}).</translation>
    </message>
    <message>
        <source>{phase} {flow} (the current lags by {angle:+.0f}°): a reactive load, or {others}.</source>
        <translation>{phase} {flow} (der Strom eilt um {angle:+.0f}° nach): eine Blindlast, oder {others}.</translation>
    </message>
    <message>
        <source>{phase} {flow}: the angle ({angle:+.0f}°) fits the current of {other} flowing the wrong way round, not {phase}&apos;s own current.</source>
        <translation>{phase} {flow}: der Winkel ({angle:+.0f}°) passt zum Strom von {other} in Gegenrichtung, nicht zum eigenen Strom von {phase}.</translation>
    </message>
    <message>
        <source>{phase} {flow}: the angle ({angle:+.0f}°) fits the current of {other}, not {phase}&apos;s own current.</source>
        <translation>{phase} {flow}: der Winkel ({angle:+.0f}°) passt zum Strom von {other}, nicht zum eigenen Strom von {phase}.</translation>
    </message>
    <message>
        <source>CT{n} must sit on the conductor whose voltage goes to U{n}: move the CT (or swap the voltage wires) so each CT and voltage input belong to the same phase, then check again.</source>
        <translation>Stromwandler {n} muss auf dem Leiter sitzen, dessen Spannung an U{n} liegt: den Wandler umsetzen (oder die Spannungsabgriffe tauschen), sodass Wandler und Spannungseingang zur selben Phase gehören, dann erneut prüfen.</translation>
    </message>
    <message>
        <source>{phase} {flow}: not as expected, and no wiring explains all phases together.</source>
        <translation>{phase} {flow}: nicht wie erwartet, und keine Verdrahtung erklärt alle Phasen zugleich.</translation>
    </message>
    <message>
        <source>{phase} {flow}: not as expected; the angle ({angle:+.0f}°) fits {others}.</source>
        <translation>{phase} {flow}: nicht wie erwartet; der Winkel ({angle:+.0f}°) passt zu: {others}.</translation>
    </message>
    <message>
        <source> (quadrant {quadrant}, direction {direction})</source>
        <translation> (Quadrant {quadrant}, Richtung {direction})</translation>
    </message>
    <message>
        <source>{phase} {flow}{registers} where export is expected: the generator is not producing now, or the current is measured the wrong way round.</source>
        <translation>{phase} {flow}{registers}, wo Lieferung erwartet wird: der Erzeuger speist gerade nicht ein, oder der Strom wird falsch herum gemessen.</translation>
    </message>
    <message>
        <source>Check again while the generator produces. If {phase} still imports: {fix}</source>
        <translation>Erneut prüfen, während der Erzeuger einspeist. Bezieht {phase} dann noch: {fix}</translation>
    </message>
    <message>
        <source>REVERSED: {phase} {flow}{registers} where import is expected: the current is measured the wrong way round.</source>
        <translation>VERTAUSCHT: {phase} {flow}{registers}, wo Bezug erwartet wird: der Strom wird falsch herum gemessen.</translation>
    </message>
    <message>
        <source>{fix} If a generator feeds {phase}, this is a real export: check again expecting export.</source>
        <translation>{fix} Speist ein Erzeuger auf {phase} ein, ist das eine echte Lieferung: mit erwarteter Lieferung erneut prüfen.</translation>
    </message>
    <message>
        <source>Not judged: {phase} has no voltage, so the meter measures no power on it.</source>
        <translation>Nicht beurteilt: {phase} hat keine Spannung, daher misst der Zähler dort keine Leistung.</translation>
    </message>
    <message>
        <source>Restore the {phase} voltage first.</source>
        <translation>Zuerst die Spannung auf {phase} wiederherstellen.</translation>
    </message>
    <message>
        <source>Not judged: the current or the powers of {phase} were not read.</source>
        <translation>Nicht beurteilt: Strom oder Leistungen von {phase} wurden nicht gelesen.</translation>
    </message>
    <message>
        <source>Not enough current to judge: {current:.3f} A, less than {least:.3f} A (5 % of the meter&apos;s base current).</source>
        <translation>Zu wenig Strom für eine Beurteilung: {current:.3f} A, weniger als {least:.3f} A (5 % des Basisstroms des Zählers).</translation>
    </message>
    <message>
        <source>Switch on a load drawing at least {least:.2f} A on {phase} and check again.</source>
        <translation>Auf {phase} eine Last mit mindestens {least:.2f} A einschalten und erneut prüfen.</translation>
    </message>
    <message>
        <source>Not judged: the current lags its voltage by {angle:+.0f}° (PF {pf:.2f}), which no plausible load does; an almost purely reactive load leaves the direction open.</source>
        <translation>Nicht beurteilt: der Strom eilt seiner Spannung um {angle:+.0f}° nach (PF {pf:.2f}), was keine plausible Last tut; bei einer fast reinen Blindlast bleibt die Richtung offen.</translation>
    </message>
    <message>
        <source>No phase carries enough current to judge.</source>
        <translation>Keine Phase führt genug Strom für eine Beurteilung.</translation>
    </message>
    <message>
        <source>No wiring explains all the angles together.</source>
        <translation>Keine Verdrahtung erklärt alle Winkel zugleich.</translation>
    </message>
    <message>
        <source>Best explanation: {explanation}.</source>
        <translation>Beste Erklärung: {explanation}.</translation>
    </message>
    <message>
        <source>The angles fit more than one wiring: {explanations}.</source>
        <translation>Die Winkel passen zu mehr als einer Verdrahtung: {explanations}.</translation>
    </message>
    <message>
        <source>{explanation} Not judged: {phases}.</source>
        <translation>{explanation} Nicht beurteilt: {phases}.</translation>
    </message>
    <message>
        <source>each judged current belongs to its phase and flows as expected</source>
        <translation>jeder beurteilte Strom gehört zu seiner Phase und fließt wie erwartet</translation>
    </message>
    <message>
        <source>the currents of {a} and {b} are swapped</source>
        <translation>die Ströme von {a} und {b} sind vertauscht</translation>
    </message>
    <message>
        <source>{phase} measures the current of {other}</source>
        <translation>{phase} misst den Strom von {other}</translation>
    </message>
    <message>
        <source>{phases} reversed</source>
        <translation>{phases} in Gegenrichtung</translation>
    </message>
    <message>
        <source>Switch on loads on every phase and check again.</source>
        <translation>Auf jeder Phase Lasten einschalten und erneut prüfen.</translation>
    </message>
    <message>
        <source>Every judged phase exports. If a generator (PV) feeds this installation, check again expecting export; otherwise supply and load are swapped at the meter.</source>
        <translation>Jede beurteilte Phase liefert. Speist ein Erzeuger (PV) in diese Anlage ein, mit erwarteter Lieferung erneut prüfen; sonst sind Netz- und Abgangsseite am Zähler vertauscht.</translation>
    </message>
    <message>
        <source>Correct the phases marked FAIL (what to do is given there), then check again.</source>
        <translation>Die mit FEHLER markierten Phasen korrigieren (dort steht, was zu tun ist), dann erneut prüfen.</translation>
    </message>
    <message>
        <source>The phases marked CANNOT JUDGE say what they need; the others are judged.</source>
        <translation>Die mit NICHT BEURTEILBAR markierten Phasen sagen, was ihnen fehlt; die übrigen sind beurteilt.</translation>
    </message>
    <message>
        <source>U</source>
        <translation>U</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>Q</translation>
    </message>
    <message>
        <source>PF</source>
        <translation>PF</translation>
    </message>
    <message>
        <source>lag</source>
        <translation>Nacheilung</translation>
    </message>
    <message>
        <source>quadrant</source>
        <translation>Quadrant</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>erwartet</translation>
    </message>
    <message>
        <source>least current</source>
        <translation>Mindeststrom</translation>
    </message>
    <message>
        <source>f</source>
        <translation>f</translation>
    </message>
    <message>
        <source>largest deviation</source>
        <translation>größte Abweichung</translation>
    </message>
    <message>
        <source>unbalance</source>
        <translation>Unsymmetrie</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>abgeleitet</translation>
    </message>
    <message>
        <source>{pair} expected</source>
        <translation>{pair} erwartet</translation>
    </message>
    <message>
        <source>S {phase}</source>
        <translation>S {phase}</translation>
    </message>
    <message>
        <source>{phase} current</source>
        <translation>{phase} Strom</translation>
    </message>
    <message>
        <source>Neutral and line voltages</source>
        <translation>Neutralleiter und Außenleiterspannungen</translation>
    </message>
    <message>
        <source>Voltage unbalance</source>
        <translation>Spannungsunsymmetrie</translation>
    </message>
    <message>
        <source>Load unbalance</source>
        <translation>Lastunsymmetrie</translation>
    </message>
    <message>
        <source>Current wiring</source>
        <translation>Stromverdrahtung</translation>
    </message>
    <message>
        <source>Current angles are derived from the power factor and the sign of Q, not measured.</source>
        <translation>Die Stromwinkel sind aus dem Leistungsfaktor und dem Vorzeichen von Q abgeleitet, nicht gemessen.</translation>
    </message>
    <message>
        <source>The {phase} voltage was not read.</source>
        <translation>Die Spannung von {phase} wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>{phase} reads {voltage:.1f} V: the phase is missing.</source>
        <translation>{phase} zeigt {voltage:.1f} V: die Phase fehlt.</translation>
    </message>
    <message>
        <source>Check the fuse or breaker of {phase} and its voltage wire to the meter&apos;s {terminal} terminal.</source>
        <translation>Sicherung bzw. Leitungsschutzschalter von {phase} und die Spannungsleitung zur Klemme {terminal} des Zählers prüfen.</translation>
    </message>
    <message>
        <source>{voltage:.1f} V is outside {low:.0f}-{high:.0f} V (230 V +-10 %, EN 50160).</source>
        <translation>{voltage:.1f} V liegt außerhalb von {low:.0f}–{high:.0f} V (230 V ±10 %, EN 50160).</translation>
    </message>
    <message>
        <source>One reading: if it stays outside, ask the grid operator; far above {high:.0f} V suspect a broken neutral.</source>
        <translation>Eine einzelne Messung: bleibt der Wert außerhalb, den Netzbetreiber fragen; weit über {high:.0f} V an einen unterbrochenen Neutralleiter denken.</translation>
    </message>
    <message>
        <source>{voltage:.1f} V, within {low:.0f}-{high:.0f} V.</source>
        <translation>{voltage:.1f} V, innerhalb von {low:.0f}–{high:.0f} V.</translation>
    </message>
    <message>
        <source>The frequency was not read.</source>
        <translation>Die Frequenz wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>{frequency:.2f} Hz is outside {low:.1f}-{high:.1f} Hz (50 Hz +-1 %, EN 50160).</source>
        <translation>{frequency:.2f} Hz liegt außerhalb von {low:.1f}–{high:.1f} Hz (50 Hz ±1 %, EN 50160).</translation>
    </message>
    <message>
        <source>Is the installation on a generator or an island supply? On the public grid, tell the grid operator.</source>
        <translation>Hängt die Anlage an einem Generator oder einem Inselnetz? Am öffentlichen Netz den Netzbetreiber informieren.</translation>
    </message>
    <message>
        <source>{frequency:.2f} Hz, within {low:.1f}-{high:.1f} Hz.</source>
        <translation>{frequency:.2f} Hz, innerhalb von {low:.1f}–{high:.1f} Hz.</translation>
    </message>
    <message>
        <source>The line voltages were not read (over {transport} the meter does not send them).</source>
        <translation>Die Außenleiterspannungen wurden nicht gelesen (über {transport} sendet der Zähler sie nicht).</translation>
    </message>
    <message>
        <source>Check again over Modbus RTU or Bluetooth LE to judge the neutral.</source>
        <translation>Über Modbus RTU oder Bluetooth LE erneut prüfen, um den Neutralleiter zu beurteilen.</translation>
    </message>
    <message>
        <source>Not judged while a phase is missing.</source>
        <translation>Nicht beurteilt, solange eine Phase fehlt.</translation>
    </message>
    <message>
        <source>The line voltages do not fit the phase voltages: {pair} reads {measured:.0f} V where {a} and {b} give {expected:.0f} V ({deviation:.1f} % off, limit {limit:.0f} %).</source>
        <translation>Die Außenleiterspannungen passen nicht zu den Strangspannungen: {pair} zeigt {measured:.0f} V, wo {a} und {b} {expected:.0f} V ergeben ({deviation:.1f} % Abweichung, Grenze {limit:.0f} %).</translation>
    </message>
    <message>
        <source>The neutral is missing or loose at the meter, or swapped with a phase: check the N wire at the meter&apos;s N terminal and that no phase is connected to N.</source>
        <translation>Der Neutralleiter fehlt oder ist am Zähler lose oder mit einer Phase vertauscht: den N-Leiter an der Klemme N des Zählers prüfen und dass keine Phase an N liegt.</translation>
    </message>
    <message>
        <source>The line voltages fit the phase voltages ({deviation:.1f} % at most, limit {limit:.0f} %).</source>
        <translation>Die Außenleiterspannungen passen zu den Strangspannungen (höchstens {deviation:.1f} %, Grenze {limit:.0f} %).</translation>
    </message>
    <message>
        <source>Voltage unbalance {unbalance:.1f} % is above {limit:.0f} % (EN 50160).</source>
        <translation>Spannungsunsymmetrie {unbalance:.1f} % liegt über {limit:.0f} % (EN 50160).</translation>
    </message>
    <message>
        <source>The supply is unevenly loaded; if the phase voltages also differ a lot, check the neutral.</source>
        <translation>Das Netz ist ungleich belastet; weichen auch die Strangspannungen stark voneinander ab, den Neutralleiter prüfen.</translation>
    </message>
    <message>
        <source>Voltage unbalance {unbalance:.2f} %, below {limit:.0f} %.</source>
        <translation>Spannungsunsymmetrie {unbalance:.2f} %, unter {limit:.0f} %.</translation>
    </message>
    <message>
        <source>The phase powers were not read.</source>
        <translation>Die Leistungen der Phasen wurden nicht gelesen.</translation>
    </message>
    <message>
        <source>The phases&apos; apparent powers differ by {difference:.2f} kVA, more than {limit:.1f} kVA (VDE-AR-N 4100).</source>
        <translation>Die Scheinleistungen der Phasen unterscheiden sich um {difference:.2f} kVA, mehr als {limit:.1f} kVA (VDE-AR-N 4100).</translation>
    </message>
    <message>
        <source>Spread single-phase loads over the phases, or check that no phase&apos;s current is missing.</source>
        <translation>Einphasige Lasten auf die Phasen verteilen oder prüfen, ob der Strom einer Phase fehlt.</translation>
    </message>
    <message>
        <source>The phases&apos; apparent powers differ by {difference:.2f} kVA, at most {limit:.1f} kVA.</source>
        <translation>Die Scheinleistungen der Phasen unterscheiden sich um {difference:.2f} kVA, höchstens {limit:.1f} kVA.</translation>
    </message>
</context>
<context>
    <name>WiringPage</name>
    <message>
        <source>Import (a consumer)</source>
        <translation>Bezug (Verbraucher)</translation>
    </message>
    <message>
        <source>Export (a generator, PV)</source>
        <translation>Lieferung (Erzeuger, PV)</translation>
    </message>
    <message>
        <source>Either direction</source>
        <translation>Beide Richtungen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was tun</translation>
    </message>
    <message>
        <source>Expected direction</source>
        <translation>Erwartete Richtung</translation>
    </message>
    <message>
        <source>Readings to average</source>
        <translation>Messungen mitteln</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>{verdict}: {explanation}</source>
        <translation>{verdict}: {explanation}</translation>
    </message>
    <message>
        <source>See the rows marked in the table for what to do.</source>
        <translation>Was zu tun ist, steht in den markierten Zeilen der Tabelle.</translation>
    </message>
</context>
</TS>
