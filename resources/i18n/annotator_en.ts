<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgreementTable</name>
    <message numerus="yes">
        <source>%n article(s) annotated by at least two of %2</source>
        <translation>
            <numerusform>%n article annotated by at least two of %2</numerusform>
            <numerusform>%n articles annotated by at least two of %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleDetails</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CarryOverAction</name>
    <message numerus="yes">
        <source>Carried %n span(s) over.</source>
        <translation>
            <numerusform>Carried %n span over.</numerusform>
            <numerusform>Carried %n spans over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) came along.</source>
        <translation>
            <numerusform>%n link came along.</numerusform>
            <numerusform>%n links came along.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) were left on the earlier version: their text is not in the corrected article. Tag them again where they belong.</source>
        <translation>
            <numerusform>%n span was left on the earlier version: its text is not in the corrected article. Tag it again where it belongs.</numerusform>
            <numerusform>%n spans were left on the earlier version: their text is not in the corrected article. Tag them again where they belong.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CarryOverDialog</name>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChooseAnnotatorsDialog</name>
    <message numerus="yes">
        <source>%1 (%n span(s) here)</source>
        <translation>
            <numerusform>%1 (%n span here)</numerusform>
            <numerusform>%1 (%n spans here)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln article(s)</source>
        <translation>
            <numerusform>%1 of %Ln article</numerusform>
            <numerusform>%1 of %Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message numerus="yes">
        <source>%1 of %n span(s) written; %3 dropped, %4 trimmed, %5 expanded.</source>
        <translation>
            <numerusform>%1 of %n span written; %3 dropped, %4 trimmed, %5 expanded.</numerusform>
            <numerusform>%1 of %n spans written; %3 dropped, %4 trimmed, %5 expanded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <source>%1 of %n hit(s)</source>
        <translation>
            <numerusform>%1 of %n hit</numerusform>
            <numerusform>%1 of %n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n file(s) could not be imported. Nothing from them was saved.</source>
        <translation>
            <numerusform>%n file could not be imported. Nothing from it was saved.</numerusform>
            <numerusform>%n files could not be imported. Nothing from them was saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message numerus="yes">
        <source>%n article(s) in the project</source>
        <translation>
            <numerusform>%n article in the project</numerusform>
            <numerusform>%n articles in the project</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Agreement so far, %1 and %2: F1 %3 over %n article(s)</source>
        <translation>
            <numerusform>Agreement so far, %1 and %2: F1 %3 over %n article</numerusform>
            <numerusform>Agreement so far, %1 and %2: F1 %3 over %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message numerus="yes">
        <source>Accepted %n agreed span(s) into gold.</source>
        <translation>
            <numerusform>Accepted %n agreed span into gold.</numerusform>
            <numerusform>Accepted %n agreed spans into gold.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>%n disagreement</numerusform>
            <numerusform>%n disagreements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreed span(s)</source>
        <translation>
            <numerusform>%n agreed span</numerusform>
            <numerusform>%n agreed spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <source>%n span(s) every chosen annotator has</source>
        <translation>
            <numerusform>%n span every chosen annotator has</numerusform>
            <numerusform>%n spans every chosen annotator has</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n disagreement(s) settled</source>
        <translation>
            <numerusform>%1 of %n disagreement settled</numerusform>
            <numerusform>%1 of %n disagreements settled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreed span(s)</source>
        <translation>
            <numerusform>%n agreed span</numerusform>
            <numerusform>%n agreed spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n article(s)</source>
        <translation>
            <numerusform>in %n article</numerusform>
            <numerusform>in %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagOccurrencesDialog</name>
    <message numerus="yes">
        <source>%n to tag</source>
        <translation>
            <numerusform>%n to tag</numerusform>
            <numerusform>%n to tag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already tagged</source>
        <translation>
            <numerusform>%n already tagged</numerusform>
            <numerusform>%n already tagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n left</numerusform>
            <numerusform>%n left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UncertaintyOrderAction</name>
    <message numerus="yes">
        <source>%n article(s) ordered by the project model&apos;s uncertainty, most unsure first.</source>
        <translation>
            <numerusform>%n article ordered by the project model&apos;s uncertainty, most unsure first.</numerusform>
            <numerusform>%n articles ordered by the project model&apos;s uncertainty, most unsure first.</numerusform>
        </translation>
    </message>
</context>
</TS>
