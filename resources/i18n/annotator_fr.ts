<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
            <location filename="../../annotator/ui/document_list.py" line="113" />
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="114" />
            <source>Filter by title…</source>
            <translation>Filtrer par titre…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="116" />
            <source>All statuses</source>
            <translation>Tous les états</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="117" />
            <source>To do (not done)</source>
            <translation>À faire (non terminés)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="118" />
            <source>Not started</source>
            <translation>Pas commencé</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="119" />
            <source>In progress</source>
            <translation>En cours</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="120" />
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
        <name>FirstRun</name>
        <message>
            <location filename="../../annotator/ui/app.py" line="49" />
            <source>Who is annotating?</source>
            <translation>Qui annote ?</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/app.py" line="50" />
            <source>Your name is recorded on every span you make. You can change it later in Preferences.</source>
            <translation>Votre nom est enregistré sur chaque annotation que vous faites. Vous pourrez le changer dans les Préférences.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/app.py" line="93" />
            <source>Cannot open the project</source>
            <translation>Impossible d’ouvrir le projet</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="245" />
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="246" />
            <source>&amp;Edit</source>
            <translation>&amp;Édition</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="247" />
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="248" />
            <source>&amp;Article</source>
            <translation>A&amp;rticle</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="249" />
            <source>&amp;Help</source>
            <translation>Ai&amp;de</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="250" />
            <source>&amp;Import files…</source>
            <translation>&amp;Importer des fichiers…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="251" />
            <source>Import a &amp;folder…</source>
            <translation>Importer un &amp;dossier…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="252" />
            <source>Load the &amp;sample articles</source>
            <translation>Charger les articles d’&amp;exemple</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="253" />
            <source>&amp;Export gold JSONL…</source>
            <translation>E&amp;xporter le JSONL de référence…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="254" />
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="255" />
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="256" />
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="257" />
            <source>&amp;Remove the selected span (Delete)</source>
            <translation>&amp;Supprimer l’annotation sélectionnée (Suppr)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="258" />
            <source>&amp;Preferences…</source>
            <translation>&amp;Préférences…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="259" />
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;avant</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="260" />
            <source>Zoom &amp;out</source>
            <translation>Zoom a&amp;rrière</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="261" />
            <source>&amp;Snap selections to whole words</source>
            <translation>&amp;Caler les sélections sur des mots entiers</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="262" />
            <source>&amp;Find an article</source>
            <translation>&amp;Chercher un article</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="263" />
            <source>Go to the article &amp;list</source>
            <translation>Aller à la &amp;liste des articles</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="264" />
            <source>Mark &amp;done and open the next</source>
            <translation>Marquer &amp;terminé et ouvrir le suivant</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="265" />
            <source>Mark in &amp;progress again</source>
            <translation>Remettre &amp;en cours</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="266" />
            <source>&amp;Next article</source>
            <translation>Article &amp;suivant</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="267" />
            <source>Pre&amp;vious article</source>
            <translation>Article &amp;précédent</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="268" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="269" />
            <source>&amp;About annotator</source>
            <translation>À &amp;propos d’annotator</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="270" />
            <location filename="../../annotator/ui/main_window.py" line="475" />
            <source>Tag as:</source>
            <translation>Étiqueter :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="341" />
            <source>Every article is done. Well done!</source>
            <translation>Tous les articles sont terminés. Bravo !</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="397" />
            <source>Annotator: %1</source>
            <translation>Annotateur : %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="402" />
            <source>No article open</source>
            <translation>Aucun article ouvert</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="405" />
            <source>Status: %1</source>
            <translation>État : %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="450" />
            <source>Import articles</source>
            <translation>Importer des articles</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="452" />
            <source>Articles (*.txt *.md *.html *.htm);;All files (*)</source>
            <translation>Articles (*.txt *.md *.html *.htm);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="458" />
            <source>Import a folder of articles</source>
            <translation>Importer un dossier d’articles</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="466" />
            <source>Importing articles…</source>
            <translation>Import des articles…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="481" />
            <source>Imported %1 new, %2 already there, %3 failed, %4 skipped.</source>
            <translation>Importés : %1 nouveaux, %2 déjà présents, %3 en échec, %4 ignorés.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="490" />
            <source>Import cancelled: %1 new articles kept.</source>
            <translation>Import annulé : %1 nouveaux articles conservés.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="510" />
            <source>Some files were not imported</source>
            <translation>Certains fichiers n’ont pas été importés</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="511" />
            <source>%1 file(s) could not be imported. Nothing from them was saved.</source>
            <translation>%1 fichier(s) n’ont pas pu être importés. Rien n’en a été enregistré.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="520" />
            <source>Import failed</source>
            <translation>Échec de l’import</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="524" />
            <source>Cancelled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="534" />
            <source>Export the gold dataset</source>
            <translation>Exporter le jeu de référence</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="536" />
            <source>JSON Lines (*.jsonl)</source>
            <translation>JSON Lines (*.jsonl)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="545" />
            <source>Exporting the gold dataset…</source>
            <translation>Export du jeu de référence…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="554" />
            <source>Wrote %1 articles and %2 spans to %3.</source>
            <translation>%1 articles et %2 annotations écrits dans %3.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="563" />
            <source>Export failed</source>
            <translation>Échec de l’export</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="611" />
            <source>About annotator</source>
            <translation>À propos d’annotator</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="613" />
            <source>annotator %1: tag claims, denials, amounts, people and organisations in news articles. Every tag is saved as you make it in %2.</source>
            <translation>annotator %1 : étiquetez affirmations, démentis, montants, personnes et organisations dans des articles de presse. Chaque étiquette est enregistrée dès que vous la posez, dans %2.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="625" />
            <source>An empty project</source>
            <translation>Un projet vide</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="626" />
            <source>This project has no articles yet.</source>
            <translation>Ce projet n’a encore aucun article.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="628" />
            <source>Load the five sample articles to try the tool, or import your own files.</source>
            <translation>Chargez les cinq articles d’exemple pour essayer l’outil, ou importez vos propres fichiers.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="630" />
            <source>Load the sample articles</source>
            <translation>Charger les articles d’exemple</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="631" />
            <source>Import files…</source>
            <translation>Importer des fichiers…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="632" />
            <source>Later</source>
            <translation>Plus tard</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="119" />
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="125" />
            <source>System language</source>
            <translation>Langue du système</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="132" />
            <source>Snap selections to whole words</source>
            <translation>Caler les sélections sur des mots entiers</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="136" />
            <source>Your name:</source>
            <translation>Votre nom :</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/preferences.py" line="137" />
            <source>Interface language:</source>
            <translation>Langue de l’interface :</translation>
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
            <location filename="../../annotator/ui/shortcuts.py" line="44" />
            <source>Delete</source>
            <translation>Suppr</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="44" />
            <source>Remove the selected span</source>
            <translation>Supprimer l’annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="46" />
            <source>Shift+Alt+Left/Right</source>
            <translation>Maj+Alt+Gauche/Droite</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="47" />
            <source>Move the selected span's end</source>
            <translation>Déplacer la fin de l’annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="50" />
            <source>Shift+Alt+Up/Down</source>
            <translation>Maj+Alt+Haut/Bas</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="51" />
            <source>Move the selected span's start</source>
            <translation>Déplacer le début de l’annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="54" />
            <source>A label's key, on a selected span</source>
            <translation>La touche d’une étiquette, sur une annotation sélectionnée</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="55" />
            <source>Change its label</source>
            <translation>Changer son étiquette</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="82" />
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="87" />
            <source>Tag the selection: %1</source>
            <translation>Étiqueter la sélection : %1</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="92" />
            <source>Tagging</source>
            <translation>Étiquetage</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="93" />
            <source>In the article</source>
            <translation>Dans l’article</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="94" />
            <source>Menus</source>
            <translation>Menus</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="99" />
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts.py" line="99" />
            <source>Does</source>
            <translation>Action</translation>
        </message>
    </context>
    <context>
        <name>SpanPanel</name>
        <message>
            <location filename="../../annotator/ui/span_panel.py" line="64" />
            <source>Spans in this article</source>
            <translation>Annotations de l’article</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/span_panel.py" line="66" />
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
</TS>
