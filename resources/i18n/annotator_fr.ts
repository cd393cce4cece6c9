<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>AmountDialog</name>
        <message>
            <source>Amount</source>
            <translation>Montant</translation>
        </message>
        <message>
            <source>none (money or a count)</source>
            <translation>aucune (argent ou nombre)</translation>
        </message>
        <message>
            <source>percent</source>
            <translation>pour cent</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucun</translation>
        </message>
        <message>
            <source>Text:</source>
            <translation>Texte :</translation>
        </message>
        <message>
            <source>Value:</source>
            <translation>Valeur :</translation>
        </message>
        <message>
            <source>Currency (ISO 4217):</source>
            <translation>Devise (ISO 4217) :</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>Unité :</translation>
        </message>
        <message>
            <source>Qualifier:</source>
            <translation>Précision :</translation>
        </message>
        <message>
            <source>Range from:</source>
            <translation>Fourchette de :</translation>
        </message>
        <message>
            <source>Range to:</source>
            <translation>Fourchette à :</translation>
        </message>
        <message>
            <source>A value, or both ends of a range. Write 1500000 or 1 500 000.</source>
            <translation>Une valeur, ou les deux bornes d’une fourchette. Écrivez 1500000 ou 1 500 000.</translation>
        </message>
        <message>
            <source>%1: “%2” is not a number without ambiguity (write 1500 or 1.5).</source>
            <translation>%1 : « %2 » n’est pas un nombre sans ambiguïté (écrivez 1500 ou 1.5).</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <source>Range from</source>
            <translation>Fourchette de</translation>
        </message>
        <message>
            <source>Range to</source>
            <translation>Fourchette à</translation>
        </message>
        <message>
            <source>Give a value, or both ends of a range.</source>
            <translation>Donnez une valeur, ou les deux bornes d’une fourchette.</translation>
        </message>
        <message>
            <source>Give a value or a range, not both.</source>
            <translation>Donnez une valeur ou une fourchette, pas les deux.</translation>
        </message>
        <message>
            <source>The range's low end is above its high end.</source>
            <translation>La borne basse de la fourchette dépasse la borne haute.</translation>
        </message>
    </context>
    <context>
        <name>AmountEditor</name>
        <message>
            <source>not read yet (F2 to set the value)</source>
            <translation>pas encore lu (F2 pour saisir la valeur)</translation>
        </message>
        <message>
            <source>unreadable</source>
            <translation>illisible</translation>
        </message>
        <message>
            <source>Correct the amount “%1”</source>
            <translation>Corriger le montant « %1 »</translation>
        </message>
    </context>
    <context>
        <name>ArticleView</name>
        <message>
            <location filename="../../annotator/ui/article_view.py" line="249" />
            <source>This article holds characters the view cannot place exactly.</source>
            <translation>Cet article contient des caractères que la vue ne peut pas placer exactement.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/article_view.py" line="275" />
            <source>Unknown label: %1</source>
            <translation>Étiquette inconnue : %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/article_view.py" line="288" />
            <source>Select some text, then press a label key.</source>
            <translation>Sélectionnez du texte, puis appuyez sur la touche d’une étiquette.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/article_view.py" line="353" />
            <source>Not saved: %1</source>
            <translation>Non enregistré : %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/article_view.py" line="380" />
            <source>Nothing to tag: the selection holds no words.</source>
            <translation>Rien à étiqueter : la sélection ne contient aucun mot.</translation>
        </message>
    </context>
    <context>
        <name>DocumentList</name>
        <message>
            <location filename="../../annotator/ui/models.py" line="120" />
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/models.py" line="121" />
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/models.py" line="122" />
            <source>Spans</source>
            <translation>Annot.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/models.py" line="132" />
            <source>(untitled)</source>
            <translation>(sans titre)</translation>
        </message>
    </context>
    <context>
        <name>DocumentListPanel</name>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="136" />
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="137" />
            <source>Filter by title…</source>
            <translation>Filtrer par titre…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="139" />
            <source>All statuses</source>
            <translation>Tous les états</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="140" />
            <source>To do (not done)</source>
            <translation>À faire (non terminés)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="141" />
            <source>Not started</source>
            <translation>Pas commencé</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="142" />
            <source>In progress</source>
            <translation>En cours</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="143" />
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
    </context>
    <context>
        <name>ErrorListDialog</name>
        <message>
            <location filename="../../annotator/ui/error_list.py" line="35" />
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/error_list.py" line="35" />
            <source>Problem</source>
            <translation>Problème</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Export the dataset</source>
            <translation>Exporter le jeu de données</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Any article with spans or a status</source>
            <translation>Tout article avec des annotations ou un statut</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Articles marked done (or reviewed)</source>
            <translation>Articles terminés (ou relus)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Reviewed articles only</source>
            <translation>Articles relus seulement</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Every annotator</source>
            <translation>Tous les annotateurs</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Gold (the reviewed layer)</source>
            <translation>Référence (la couche relue)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Drop spans that cut a word</source>
            <translation>Écarter les annotations qui coupent un mot</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Shrink them to the words inside</source>
            <translation>Les réduire aux mots qu’elles contiennent</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Grow them to whole words</source>
            <translation>Les étendre aux mots entiers</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Format:</source>
            <translation>Format :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Write to:</source>
            <translation>Écrire dans :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Articles:</source>
            <translation>Articles :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Whose spans:</source>
            <translation>Annotations de :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Labels:</source>
            <translation>Étiquettes :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Spans that cut a word:</source>
            <translation>Annotations qui coupent un mot :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Gold JSONL (everything, with provenance)</source>
            <translation>JSONL de référence (tout, avec la provenance)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>spaCy DocBin (.spacy)</source>
            <translation>DocBin spaCy (.spacy)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>CoNLL-2003 IOB2 text</source>
            <translation>Texte CoNLL-2003 IOB2</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Hugging Face token classification (JSONL)</source>
            <translation>Classification de tokens Hugging Face (JSONL)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>brat standoff folder (.txt/.ann)</source>
            <translation>Dossier brat (.txt/.ann)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>doccano JSONL</source>
            <translation>JSONL doccano</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Label Studio JSON tasks</source>
            <translation>Tâches JSON Label Studio</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Prodigy JSONL</source>
            <translation>JSONL Prodigy</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>One label per word: overlapping spans keep the longest, and spans that cut a word are aligned as chosen below. Whatever is left out is reported.</source>
            <translation>Une étiquette par mot : parmi des annotations qui se chevauchent, la plus longue est gardée, et celles qui coupent un mot sont alignées comme choisi ci-dessous. Tout ce qui est écarté est signalé.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Whole words only: spans that cut a word are aligned as chosen below. Whatever is left out is reported.</source>
            <translation>Mots entiers seulement : les annotations qui coupent un mot sont alignées comme choisi ci-dessous. Tout ce qui est écarté est signalé.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Keeps every span, nested ones included, and who made it.</source>
            <translation>Garde toutes les annotations, imbriquées comprises, et leur auteur.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Keeps every span; who made it and when are not kept.</source>
            <translation>Garde toutes les annotations ; leur auteur et leur date ne sont pas gardés.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Export to a folder</source>
            <translation>Exporter dans un dossier</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Export to</source>
            <translation>Exporter vers</translation>
        </message>
    </context>
    <context>
        <name>ExportReportDialog</name>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>Export report</source>
            <translation>Rapport d’export</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" />
            <source>%1 of %2 spans written; %3 dropped, %4 trimmed, %5 expanded.</source>
            <translation>%1 annotations écrites sur %2 ; %3 écartées, %4 réduites, %5 étendues.</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <location filename="../../annotator/ui/app.py" line="50" />
            <source>Who is annotating?</source>
            <translation>Qui annote ?</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/app.py" line="51" />
            <source>Your name is recorded on every span you make. You can change it later in Preferences.</source>
            <translation>Votre nom est enregistré sur chaque annotation que vous faites. Vous pourrez le changer dans les Préférences.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/app.py" line="96" />
            <source>Cannot open the project</source>
            <translation>Impossible d’ouvrir le projet</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="252" />
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="253" />
            <source>&amp;Edit</source>
            <translation>&amp;Édition</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="254" />
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="255" />
            <source>&amp;Article</source>
            <translation>A&amp;rticle</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="256" />
            <source>&amp;Help</source>
            <translation>Ai&amp;de</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="257" />
            <source>&amp;Import files…</source>
            <translation>&amp;Importer des fichiers…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="258" />
            <source>Import a &amp;folder…</source>
            <translation>Importer un &amp;dossier…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="259" />
            <source>Load the &amp;sample articles</source>
            <translation>Charger les articles d’&amp;exemple</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="261" />
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="264" />
            <source>&amp;Remove the selected span (Delete)</source>
            <translation>&amp;Supprimer l’annotation sélectionnée (Suppr)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="265" />
            <source>&amp;Preferences…</source>
            <translation>&amp;Préférences…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="266" />
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;avant</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="267" />
            <source>Zoom &amp;out</source>
            <translation>Zoom a&amp;rrière</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="268" />
            <source>&amp;Snap selections to whole words</source>
            <translation>&amp;Caler les sélections sur des mots entiers</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="269" />
            <source>&amp;Find an article</source>
            <translation>&amp;Chercher un article</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="270" />
            <source>Go to the article &amp;list</source>
            <translation>Aller à la &amp;liste des articles</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="271" />
            <source>Mark &amp;done and open the next</source>
            <translation>Marquer &amp;terminé et ouvrir le suivant</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="272" />
            <source>Mark in &amp;progress again</source>
            <translation>Remettre &amp;en cours</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="273" />
            <source>&amp;Next article</source>
            <translation>Article &amp;suivant</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="274" />
            <source>Pre&amp;vious article</source>
            <translation>Article &amp;précédent</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="275" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="276" />
            <source>&amp;About annotator</source>
            <translation>À &amp;propos d’annotator</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="277" />
            <location filename="../../annotator/ui/main_window.py" line="487" />
            <source>Tag as:</source>
            <translation>Étiqueter :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="348" />
            <source>Every article is done. Well done!</source>
            <translation>Tous les articles sont terminés. Bravo !</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="407" />
            <source>Annotator: %1</source>
            <translation>Annotateur : %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="412" />
            <source>No article open</source>
            <translation>Aucun article ouvert</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="415" />
            <source>Status: %1</source>
            <translation>État : %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="462" />
            <source>Import articles</source>
            <translation>Importer des articles</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="464" />
            <source>Articles (*.txt *.md *.html *.htm);;All files (*)</source>
            <translation>Articles (*.txt *.md *.html *.htm);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="470" />
            <source>Import a folder of articles</source>
            <translation>Importer un dossier d’articles</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="478" />
            <source>Importing articles…</source>
            <translation>Import des articles…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="493" />
            <source>Imported %1 new, %2 already there, %3 failed, %4 skipped.</source>
            <translation>Importés : %1 nouveaux, %2 déjà présents, %3 en échec, %4 ignorés.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="502" />
            <source>Import cancelled: %1 new articles kept.</source>
            <translation>Import annulé : %1 nouveaux articles conservés.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="526" />
            <source>Some files were not imported</source>
            <translation>Certains fichiers n’ont pas été importés</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="527" />
            <source>%1 file(s) could not be imported. Nothing from them was saved.</source>
            <translation>%1 fichier(s) n’ont pas pu être importés. Rien n’en a été enregistré.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="536" />
            <source>Import failed</source>
            <translation>Échec de l’import</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="540" />
            <source>Cancelled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="570" />
            <source>Wrote %1 articles and %2 spans to %3.</source>
            <translation>%1 articles et %2 annotations écrits dans %3.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="579" />
            <source>Export failed</source>
            <translation>Échec de l’export</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="627" />
            <source>About annotator</source>
            <translation>À propos d’annotator</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="629" />
            <source>annotator %1: tag claims, denials, amounts, people and organisations in news articles. Every tag is saved as you make it in %2.</source>
            <translation>annotator %1 : étiquetez affirmations, démentis, montants, personnes et organisations dans des articles de presse. Chaque étiquette est enregistrée dès que vous la posez, dans %2.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="641" />
            <source>An empty project</source>
            <translation>Un projet vide</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="642" />
            <source>This project has no articles yet.</source>
            <translation>Ce projet n’a encore aucun article.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="644" />
            <source>Load the five sample articles to try the tool, or import your own files.</source>
            <translation>Chargez les cinq articles d’exemple pour essayer l’outil, ou importez vos propres fichiers.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="647" />
            <source>Load the sample articles</source>
            <translation>Charger les articles d’exemple</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="649" />
            <source>Import files…</source>
            <translation>Importer des fichiers…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="650" />
            <source>Later</source>
            <translation>Plus tard</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" />
            <source>&amp;Export…</source>
            <translation>&amp;Exporter…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" />
            <source>Exporting the dataset…</source>
            <translation>Export du jeu de données…</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="121" />
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="127" />
            <source>System language</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="134" />
            <source>Snap selections to whole words</source>
            <translation>Caler les sélections sur des mots entiers</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="138" />
            <source>Your name:</source>
            <translation>Votre nom :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="139" />
            <source>Interface language:</source>
            <translation>Langue de l’interface :</translation>
        </message>
        <message>
            <source>Suggest people and organisations with spaCy</source>
            <translation>Suggérer personnes et organisations avec spaCy</translation>
        </message>
    </context>
    <context>
        <name>QProgressDialog</name>
        <message>
            <location filename="../../annotator/ui/tasks.py" line="126" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>ShortcutSheet</name>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="29" />
            <source>Arrows, Ctrl+arrows, Home, End</source>
            <translation>Flèches, Ctrl+flèches, Début, Fin</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="30" />
            <source>Move the caret by character, word, line</source>
            <translation>Déplacer le curseur par caractère, mot, ligne</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="33" />
            <source>Shift + movement keys</source>
            <translation>Maj + touches de déplacement</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="34" />
            <source>Select text</source>
            <translation>Sélectionner du texte</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="37" />
            <source>Double-click, drag</source>
            <translation>Double-clic, glisser</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="38" />
            <source>Select a word, a passage</source>
            <translation>Sélectionner un mot, un passage</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="41" />
            <source>Tab / Shift+Tab</source>
            <translation>Tab / Maj+Tab</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="42" />
            <source>Select the next / previous span at the caret</source>
            <translation>Sélectionner l’annotation suivante / précédente au curseur</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="46" />
            <source>Remove the selected span</source>
            <translation>Supprimer l’annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="53" />
            <source>Shift+Alt+Left/Right</source>
            <translation>Maj+Alt+Gauche/Droite</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="54" />
            <source>Move the selected span's end</source>
            <translation>Déplacer la fin de l’annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="45" />
            <source>Delete / Backspace</source>
            <translation>Suppr / Retour arrière</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="49" />
            <source>Escape</source>
            <translation>Échap</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="50" />
            <source>Leave the selected span</source>
            <translation>Quitter l’annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="57" />
            <source>Ctrl+Shift+Alt+Left/Right</source>
            <translation>Ctrl+Maj+Alt+Gauche/Droite</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="58" />
            <source>Move the selected span's start</source>
            <translation>Déplacer le début de l’annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="61" />
            <source>Click in a span (again: the span under it)</source>
            <translation>Clic dans une annotation (à nouveau : celle en dessous)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="62" />
            <source>Select that span</source>
            <translation>Sélectionner cette annotation</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="65" />
            <source>A label's key, on a selected span</source>
            <translation>La touche d’une étiquette, sur une annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="66" />
            <source>Change its label</source>
            <translation>Changer son étiquette</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="93" />
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="98" />
            <source>Tag the selection: %1</source>
            <translation>Étiqueter la sélection : %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="103" />
            <source>Tagging</source>
            <translation>Étiquetage</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="104" />
            <source>In the article</source>
            <translation>Dans l’article</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="105" />
            <source>Menus</source>
            <translation>Menus</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="110" />
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="110" />
            <source>Does</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>N / Shift+N</source>
            <translation>N / Maj+N</translation>
        </message>
        <message>
            <source>Go to the next / previous suggestion (dashed outline)</source>
            <translation>Aller à la suggestion suivante / précédente (contour en tirets)</translation>
        </message>
        <message>
            <source>Enter, or a label's key, on a suggestion</source>
            <translation>Entrée, ou la touche d’une étiquette, sur une suggestion</translation>
        </message>
        <message>
            <source>Accept it (with that label)</source>
            <translation>L’accepter (avec cette étiquette)</translation>
        </message>
        <message>
            <source>X / Backspace, on a suggestion</source>
            <translation>X / Retour arrière, sur une suggestion</translation>
        </message>
        <message>
            <source>Reject it: it is not proposed again</source>
            <translation>La refuser : elle n’est plus proposée</translation>
        </message>
        <message>
            <source>L, on a claim, denial or amount</source>
            <translation>L, sur une affirmation, un démenti ou un montant</translation>
        </message>
        <message>
            <source>Link mode: show the spans it may be linked to</source>
            <translation>Mode lien : montrer les passages auxquels le relier</translation>
        </message>
        <message>
            <source>Link mode: Tab / Shift+Tab, arrows</source>
            <translation>Mode lien : Tab / Maj+Tab, flèches</translation>
        </message>
        <message>
            <source>Next / previous candidate, nearest first</source>
            <translation>Candidat suivant / précédent, le plus proche d’abord</translation>
        </message>
        <message>
            <source>Link mode: T, or 1-9 (0: all)</source>
            <translation>Mode lien : T, ou 1-9 (0 : tous)</translation>
        </message>
        <message>
            <source>Choose the link type (said by, denies…)</source>
            <translation>Choisir le type de lien (dit par, dément…)</translation>
        </message>
        <message>
            <source>Link mode: Enter, or a click on a candidate</source>
            <translation>Mode lien : Entrée, ou un clic sur un candidat</translation>
        </message>
        <message>
            <source>Make the link (Escape: cancel)</source>
            <translation>Créer le lien (Échap : annuler)</translation>
        </message>
        <message>
            <source>Shift+L, or O in link mode</source>
            <translation>Maj+L, ou O en mode lien</translation>
        </message>
        <message>
            <source>Link to a claim of another article (search)</source>
            <translation>Relier à une affirmation d’un autre article (recherche)</translation>
        </message>
        <message>
            <source>Delete, on a link in the Links panel</source>
            <translation>Suppr, sur un lien du panneau Liens</translation>
        </message>
        <message>
            <source>Remove the link</source>
            <translation>Supprimer le lien</translation>
        </message>
    </context>
    <context>
        <name>SpanCommand</name>
        <message>
            <location filename="../../annotator/ui/commands.py" />
            <source>Tag “%1” as %2</source>
            <translation>Étiqueter « %1 » comme %2</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/commands.py" />
            <source>Remove %1 “%2”</source>
            <translation>Retirer %1 « %2 »</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/commands.py" />
            <source>Relabel “%1” as %2</source>
            <translation>Changer « %1 » en %2</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/commands.py" />
            <source>Resize “%1”</source>
            <translation>Déplacer les bords de « %1 »</translation>
        </message>
    </context>
    <context>
        <name>SpanPanel</name>
        <message>
            <location filename="../../annotator/ui/span_panel.py" line="65" />
            <source>Spans in this article</source>
            <translation>Annotations de l’article</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/span_panel.py" line="67" />
            <source>No spans yet. Select words in the article and press a label's key.</source>
            <translation>Aucune annotation. Sélectionnez des mots dans l’article et appuyez sur la touche d’une étiquette.</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../annotator/ui/models.py" line="37" />
            <source>Not started</source>
            <translation>Pas commencé</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/models.py" line="38" />
            <source>In progress</source>
            <translation>En cours</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/models.py" line="39" />
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/models.py" line="40" />
            <source>Reviewed</source>
            <translation>Relu</translation>
        </message>
    </context>
    <context>
        <name>Suggestions</name>
        <message>
            <source>Finding suggestions…</source>
            <translation>Recherche de suggestions…</translation>
        </message>
        <message>
            <source>Accept “%1” as %2</source>
            <translation>Accepter « %1 » comme %2</translation>
        </message>
        <message>
            <source>Reject the suggestion “%1”</source>
            <translation>Refuser la suggestion « %1 »</translation>
        </message>
        <message>
            <source>Show &amp;suggestions</source>
            <translation>Afficher les &amp;suggestions</translation>
        </message>
        <message>
            <source>&amp;Accept all suggestions of one label…</source>
            <translation>&amp;Accepter toutes les suggestions d’une étiquette…</translation>
        </message>
        <message>
            <source>Correct the amount's &amp;value…</source>
            <translation>Corriger la &amp;valeur du montant…</translation>
        </message>
        <message>
            <source>Loading the spaCy model for suggestions…</source>
            <translation>Chargement du modèle spaCy pour les suggestions…</translation>
        </message>
        <message>
            <source>Model suggestions are off: %1</source>
            <translation>Suggestions du modèle désactivées : %1</translation>
        </message>
        <message>
            <source>No suggestions: %1</source>
            <translation>Pas de suggestions : %1</translation>
        </message>
        <message>
            <source>Suggestions are hidden (View ▸ Show suggestions).</source>
            <translation>Les suggestions sont masquées (Affichage ▸ Afficher les suggestions).</translation>
        </message>
        <message>
            <source>No suggestions in this article.</source>
            <translation>Aucune suggestion dans cet article.</translation>
        </message>
        <message>
            <source>Accept %1 suggestions of %2</source>
            <translation>Accepter %1 suggestions de %2</translation>
        </message>
        <message>
            <source>Accepted %1 suggestions: %2.</source>
            <translation>%1 suggestions acceptées : %2.</translation>
        </message>
        <message>
            <source>Accept all suggestions of:</source>
            <translation>Accepter toutes les suggestions de :</translation>
        </message>
        <message>
            <source>Select an amount first (Tab, or click it), then F2.</source>
            <translation>Sélectionnez d’abord un montant (Tab, ou un clic), puis F2.</translation>
        </message>
        <message>
            <source>Amount saved: %1</source>
            <translation>Montant enregistré : %1</translation>
        </message>
        <message>
            <source>Suggestion %1/%2: %3 “%4”%5. Enter accepts, X rejects, N goes on.</source>
            <translation>Suggestion %1/%2 : %3 « %4 »%5. Entrée accepte, X refuse, N passe à la suivante.</translation>
        </message>
        <message>
            <source>Suggested %1%2 (%3)</source>
            <translation>Suggestion : %1%2 (%3)</translation>
        </message>
        <message>
            <source>Click it, then Enter to accept or X to reject.</source>
            <translation>Cliquez dessus, puis Entrée pour accepter ou X pour refuser.</translation>
        </message>
    </context>
    <context>
        <name>LinkMode</name>
        <message>
            <source>Select a claim, a denial or an amount first (Tab, or a click), then press L.</source>
            <translation>Sélectionnez d’abord une affirmation, un démenti ou un montant (Tab, ou un clic), puis appuyez sur L.</translation>
        </message>
        <message>
            <source>A %1 starts no link: links go from claims, denials and amounts.</source>
            <translation>Aucun lien ne part de « %1 » : les liens partent des affirmations, démentis et montants.</translation>
        </message>
        <message>
            <source>Nothing to link to: no candidate is shown.</source>
            <translation>Rien à relier : aucun candidat n’est proposé.</translation>
        </message>
        <message>
            <source>Linked: %1 “%2” %3 “%4”.</source>
            <translation>Relié : %1 « %2 » %3 « %4 ».</translation>
        </message>
        <message>
            <source>Select a denial or a claim first, then press Shift+L.</source>
            <translation>Sélectionnez d’abord un démenti ou une affirmation, puis appuyez sur Maj+L.</translation>
        </message>
        <message>
            <source>A %1 cannot be linked to another article.</source>
            <translation>« %1 » ne peut pas être relié à un autre article.</translation>
        </message>
        <message>
            <source>Link %1 “%2”</source>
            <translation>Relier %1 « %2 »</translation>
        </message>
        <message>
            <source>no span in this article can be linked to it</source>
            <translation>aucune annotation de cet article ne peut lui être reliée</translation>
        </message>
        <message>
            <source>no %1 candidate here</source>
            <translation>aucun candidat « %1 » ici</translation>
        </message>
        <message>
            <source>(%1 of %2)</source>
            <translation>(%1 sur %2)</translation>
        </message>
        <message>
            <source>Tab: next</source>
            <translation>Tab : suivant</translation>
        </message>
        <message>
            <source>Enter: link</source>
            <translation>Entrée : relier</translation>
        </message>
        <message>
            <source>Esc: cancel</source>
            <translation>Échap : annuler</translation>
        </message>
        <message>
            <source>T: type (%1, 0: all)</source>
            <translation>T : type (%1, 0 : tous)</translation>
        </message>
        <message>
            <source>O: another article</source>
            <translation>O : un autre article</translation>
        </message>
        <message>
            <source>Not a span this one can be linked to: click a highlighted candidate.</source>
            <translation>Cette annotation ne peut pas y être reliée : cliquez sur un candidat en surbrillance.</translation>
        </message>
        <message>
            <source>Several spans here: click again for the next one, Enter links to this one.</source>
            <translation>Plusieurs annotations ici : cliquez encore pour le suivant, Entrée relie celui-ci.</translation>
        </message>
    </context>
    <context>
        <name>LinkCommand</name>
        <message>
            <source>Link “%1” %2 “%3”</source>
            <translation>Relier « %1 » %2 « %3 »</translation>
        </message>
        <message>
            <source>Unlink “%1” %2 “%3”</source>
            <translation>Délier « %1 » %2 « %3 »</translation>
        </message>
    </context>
    <context>
        <name>LinkPanel</name>
        <message>
            <source>(in “%1”)</source>
            <translation>(dans « %1 »)</translation>
        </message>
        <message>
            <source>no source (said by)</source>
            <translation>sans source (dit par)</translation>
        </message>
        <message>
            <source>denies no claim</source>
            <translation>ne dément aucune affirmation</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>Liens</translation>
        </message>
        <message>
            <source>Selected span (%1)</source>
            <translation>Annotation sélectionnée (%1)</translation>
        </message>
        <message>
            <source>This article (%1)</source>
            <translation>Cet article (%1)</translation>
        </message>
        <message>
            <source>To check (%1)</source>
            <translation>À vérifier (%1)</translation>
        </message>
        <message>
            <source>Check every article</source>
            <translation>Vérifier tous les articles</translation>
        </message>
        <message>
            <source>Remove the link (Delete)</source>
            <translation>Supprimer le lien (Suppr)</translation>
        </message>
    </context>
    <context>
        <name>OtherArticlePicker</name>
        <message>
            <source>Link to a span of another article</source>
            <translation>Relier à un passage d’un autre article</translation>
        </message>
        <message>
            <source>Link “%1” to:</source>
            <translation>Relier « %1 » à :</translation>
        </message>
        <message>
            <source>No span of another article can be linked to “%1”.</source>
            <translation>Aucun passage d’un autre article ne peut être relié à « %1 ».</translation>
        </message>
        <message>
            <source>Search the text or the article title…</source>
            <translation>Chercher dans le texte ou le titre de l’article…</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Relier</translation>
        </message>
    </context>
    <context>
        <name>LedgerDialog</name>
        <message>
            <source>no source</source>
            <translation>sans source</translation>
        </message>
        <message>
            <source>— no source —</source>
            <translation>— sans source —</translation>
        </message>
        <message>
            <source>Claim ledger — %1</source>
            <translation>Registre des affirmations — %1</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Affirmation</translation>
        </message>
        <message>
            <source>Said by</source>
            <translation>Dit par</translation>
        </message>
        <message>
            <source>Amounts</source>
            <translation>Montants</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
        <message>
            <source>Denied by</source>
            <translation>Démenti par</translation>
        </message>
        <message>
            <source>Claims</source>
            <translation>Affirmations</translation>
        </message>
        <message>
            <source>In common</source>
            <translation>En commun</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Search claims, sources, articles…</source>
            <translation>Chercher affirmations, sources, articles…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>&amp;Group them (same claim)</source>
            <translation>&amp;Regrouper (même affirmation)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>%1 claims in %2 rows; %3 denials; %4 claims or denials without a source. Double-click a row to open its article at the claim.</source>
            <translation>%1 affirmations en %2 lignes ; %3 démentis ; %4 affirmations ou démentis sans source. Double-cliquez sur une ligne pour ouvrir son article à l’affirmation.</translation>
        </message>
        <message>
            <source>Proposed groups (%1): the same claim in several rows?</source>
            <translation>Regroupements proposés (%1) : la même affirmation sur plusieurs lignes ?</translation>
        </message>
    </context>
    <context>
        <name>Attribution</name>
        <message>
            <source>&amp;Link the selected span… (L)</source>
            <translation>Re&amp;lier l’annotation sélectionnée… (L)</translation>
        </message>
        <message>
            <source>Link to a span of &amp;another article… (Shift+L)</source>
            <translation>Relier à un passage d’un a&amp;utre article… (Maj+L)</translation>
        </message>
        <message>
            <source>Claim &amp;ledger…</source>
            <translation>Re&amp;gistre des affirmations…</translation>
        </message>
        <message>
            <source>Editorial &amp;report…</source>
            <translation>Rapport édi&amp;torial…</translation>
        </message>
        <message>
            <source>Link not saved: %1</source>
            <translation>Lien non enregistré : %1</translation>
        </message>
        <message>
            <source>Write the editorial report</source>
            <translation>Écrire le rapport éditorial</translation>
        </message>
        <message>
            <source>Web page (*.html)</source>
            <translation>Page web (*.html)</translation>
        </message>
        <message>
            <source>Writing the editorial report…</source>
            <translation>Écriture du rapport éditorial…</translation>
        </message>
        <message>
            <source>Editorial report</source>
            <translation>Rapport éditorial</translation>
        </message>
        <message>
            <source>The report is written to %1.</source>
            <translation>Le rapport est écrit dans %1.</translation>
        </message>
        <message>
            <source>It is one self-contained page: mail it, print it.</source>
            <translation>C’est une seule page autonome : envoyez-la, imprimez-la.</translation>
        </message>
        <message>
            <source>Open it</source>
            <translation>L’ouvrir</translation>
        </message>
        <message>
            <source>Report written to %1.</source>
            <translation>Rapport écrit dans %1.</translation>
        </message>
        <message>
            <source>Report not written</source>
            <translation>Rapport non écrit</translation>
        </message>
    </context>
    <context>
        <name>UndoHistory</name>
        <message>
            <location filename="../../annotator/ui/undo_history.py" />
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/undo_history.py" />
            <source>&amp;Undo %1</source>
            <translation>&amp;Annuler %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/undo_history.py" />
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/undo_history.py" />
            <source>&amp;Redo %1</source>
            <translation>&amp;Rétablir %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/undo_history.py" />
            <source>%1 (in “%2”)</source>
            <translation>%1 (dans « %2 »)</translation>
        </message>
    </context>
</TS>
