<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Accessibility</name>
    <message>
        <source>Do what this dialog is for, and close it.</source>
        <translation>Faire ce que propose cette fenêtre, puis la fermer.</translation>
    </message>
    <message>
        <source>Close this dialog.</source>
        <translation>Fermer cette fenêtre.</translation>
    </message>
    <message>
        <source>Close this dialog without changing anything.</source>
        <translation>Fermer cette fenêtre sans rien changer.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Finding the disagreements</source>
        <translation>Recherche des désaccords</translation>
    </message>
    <message>
        <source>Agreement between annotators</source>
        <translation>Accord entre annotateurs</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>Cet article</translation>
    </message>
    <message>
        <source>Whole project</source>
        <translation>Tout le projet</translation>
    </message>
    <message>
        <source>Only articles both marked &amp;done</source>
        <translation>Seulement les articles que les deux ont &amp;terminés</translation>
    </message>
    <message>
        <source>&amp;Recompute</source>
        <translation>&amp;Recalculer</translation>
    </message>
    <message>
        <source>Counts only the articles that both annotators of a pair marked done.</source>
        <translation>Ne compte que les articles que les deux annotateurs d’une paire ont marqués terminés.</translation>
    </message>
    <message>
        <source>Computes the figures again from the project.</source>
        <translation>Recalcule les chiffres à partir du projet.</translation>
    </message>
    <message>
        <source>Agreement on the open article.</source>
        <translation>L’accord sur l’article ouvert.</translation>
    </message>
    <message>
        <source>Agreement on every article of the project.</source>
        <translation>L’accord sur tous les articles du projet.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>Aucun article n’est ouvert.</translation>
    </message>
</context>
<context>
    <name>AgreementTable</name>
    <message>
        <source>Agreement by pair and label</source>
        <translation>Accord par paire et par étiquette</translation>
    </message>
    <message>
        <source>Precision, recall, F1 and kappa per pair of annotators; Enter lists their disagreements.</source>
        <translation>Précision, rappel, F1 et kappa par paire d’annotateurs&#xa0;; Entrée liste leurs désaccords.</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paire</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Exact P</source>
        <translation>P stricte</translation>
    </message>
    <message>
        <source>Exact R</source>
        <translation>R strict</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 strict</translation>
    </message>
    <message>
        <source>Overlap P</source>
        <translation>P souple</translation>
    </message>
    <message>
        <source>Overlap R</source>
        <translation>R souple</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 souple</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>%1 · Krippendorff&apos;s alpha (nominal, per token): %3 · double-click a row to see its disagreements</source>
        <translation>%1 · alpha de Krippendorff (nominal, par mot)&#xa0;: %3 · double-cliquez sur une ligne pour voir ses désaccords</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) annotated by at least two of %2</source>
        <translation>
            <numerusform>%n article annoté par au moins deux de %2</numerusform>
            <numerusform>%n articles annotés par au moins deux de %2</numerusform>
        </translation>
    </message>
    <message>
        <source>all labels</source>
        <translation>toutes les étiquettes</translation>
    </message>
    <message>
        <source>Double-click to review where %1 and %2 disagree</source>
        <translation>Double-cliquez pour relire les désaccords entre %1 et %2</translation>
    </message>
    <message>
        <source>%1 of %2 agree</source>
        <translation>%1 sur %2 concordent</translation>
    </message>
    <message>
        <source>On the spans both tagged alike: how often they gave this attribute the same value, and Cohen&apos;s kappa</source>
        <translation>Sur les annotations identiques des deux : combien de fois ils ont donné la même valeur à cet attribut, et le kappa de Cohen</translation>
    </message>
</context>
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
        <translation>Texte&#xa0;:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Valeur&#xa0;:</translation>
    </message>
    <message>
        <source>Currency (ISO 4217):</source>
        <translation>Devise (ISO 4217)&#xa0;:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unité&#xa0;:</translation>
    </message>
    <message>
        <source>Qualifier:</source>
        <translation>Précision&#xa0;:</translation>
    </message>
    <message>
        <source>Range from:</source>
        <translation>Fourchette de&#xa0;:</translation>
    </message>
    <message>
        <source>Range to:</source>
        <translation>Fourchette à&#xa0;:</translation>
    </message>
    <message>
        <source>A value, or both ends of a range. Write 1500000 or 1 500 000.</source>
        <translation>Une valeur, ou les deux bornes d’une fourchette. Écrivez 1500000 ou 1 500 000.</translation>
    </message>
    <message>
        <source>The number the text means, e.g. 1500000 for “1,5 million”.</source>
        <translation>Le nombre que dit le texte, par exemple 1500000 pour «&#xa0;1,5 million&#xa0;».</translation>
    </message>
    <message>
        <source>Its currency as an ISO 4217 code (EUR, USD), if money.</source>
        <translation>Sa devise en code ISO 4217 (EUR, USD), s’il s’agit d’argent.</translation>
    </message>
    <message>
        <source>Percent, or none for money and counts.</source>
        <translation>Pour cent, ou aucune pour l’argent et les nombres.</translation>
    </message>
    <message>
        <source>“about”, “at least”, “up to”… as the text says.</source>
        <translation>«&#xa0;environ&#xa0;», «&#xa0;au moins&#xa0;», «&#xa0;jusqu’à&#xa0;»… comme le dit le texte.</translation>
    </message>
    <message>
        <source>The low end, when the text gives a range.</source>
        <translation>La borne basse, quand le texte donne une fourchette.</translation>
    </message>
    <message>
        <source>The high end, when the text gives a range.</source>
        <translation>La borne haute, quand le texte donne une fourchette.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number without ambiguity (write 1500 or 1.5).</source>
        <translation>%1&#xa0;: «&#xa0;%2&#xa0;» n’est pas un nombre sans ambiguïté (écrivez 1500 ou 1.5).</translation>
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
        <source>The range&apos;s low end is above its high end.</source>
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
        <source>no number in the text</source>
        <translation>aucun nombre dans le texte</translation>
    </message>
    <message>
        <source>more than one amount in the text</source>
        <translation>plus d’un montant dans le texte</translation>
    </message>
    <message>
        <source>%1 without a currency could be a unit, not a scale</source>
        <translation>%1 sans devise pourrait être une unité, pas une échelle</translation>
    </message>
    <message>
        <source>two currencies: %1</source>
        <translation>deux devises&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 means 10^9 in English and 10^12 in French: set the document&apos;s language</source>
        <translation>%1 vaut 10^9 en anglais et 10^12 en français&#xa0;: indiquez la langue du document</translation>
    </message>
    <message>
        <source>%1: the separator could group thousands or mark decimals; set the document&apos;s language</source>
        <translation>%1&#xa0;: le séparateur peut grouper les milliers ou marquer les décimales&#xa0;; indiquez la langue du document</translation>
    </message>
    <message>
        <source>%1 gives no number</source>
        <translation>%1 ne donne aucun nombre</translation>
    </message>
    <message>
        <source>the two ends of the range are in different units</source>
        <translation>les deux bornes de la fourchette sont dans des unités différentes</translation>
    </message>
    <message>
        <source>the range&apos;s low end is above its high end</source>
        <translation>la borne basse de la fourchette dépasse la borne haute</translation>
    </message>
    <message>
        <source>%1 after the number is no scale or currency this reader knows</source>
        <translation>%1 après le nombre n’est ni une échelle ni une devise connue</translation>
    </message>
    <message>
        <source>%1 is no currency this reader knows</source>
        <translation>%1 n’est pas une devise connue</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>plus de</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>moins de</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>jusqu’à</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>au moins</translation>
    </message>
    <message>
        <source>about</source>
        <translation>environ</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>sans valeur</translation>
    </message>
    <message>
        <source> %</source>
        <translation>&#x202f;%</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>&#xa0;: %1</translation>
    </message>
    <message>
        <source>Correct the amount “%1”</source>
        <translation>Corriger le montant «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ArticleDetails</name>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>outlet</source>
        <translation>média</translation>
    </message>
    <message>
        <source>author</source>
        <translation>auteur</translation>
    </message>
    <message>
        <source>publication date</source>
        <translation>date de publication</translation>
    </message>
    <message>
        <source>address (URL)</source>
        <translation>adresse (URL)</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>résumé</translation>
    </message>
    <message>
        <source>An article needs a title.</source>
        <translation>Un article a besoin d’un titre.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, for example 2026-03-18.</source>
        <translation>Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-03-18.</translation>
    </message>
    <message>
        <source>Write the language as its code: fr, en, de…</source>
        <translation>Écrivez la langue par son code&#xa0;: fr, en, de…</translation>
    </message>
    <message>
        <source>Change the article&apos;s title</source>
        <translation>Modifier le titre de l’article</translation>
    </message>
    <message>
        <source>Change the article&apos;s outlet</source>
        <translation>Modifier le média de l’article</translation>
    </message>
    <message>
        <source>Change the article&apos;s author</source>
        <translation>Modifier l’auteur de l’article</translation>
    </message>
    <message>
        <source>Change the article&apos;s publication date</source>
        <translation>Modifier la date de publication de l’article</translation>
    </message>
    <message>
        <source>Change the article&apos;s address</source>
        <translation>Modifier l’adresse de l’article</translation>
    </message>
    <message>
        <source>Change the article&apos;s language</source>
        <translation>Modifier la langue de l’article</translation>
    </message>
    <message>
        <source>Change the article&apos;s summary</source>
        <translation>Modifier le résumé de l’article</translation>
    </message>
    <message>
        <source>Article &amp;details (outlet, author, date)…</source>
        <translation>&amp;Détails de l’article (média, auteur, date)…</translation>
    </message>
    <message>
        <source>Article details</source>
        <translation>Détails de l’article</translation>
    </message>
    <message>
        <source>:</source>
        <translation>&#xa0;:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>detected from the text</source>
        <translation>déduite du texte</translation>
    </message>
    <message>
        <source>Imported from:</source>
        <translation>Importé depuis&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected span is on page %1.</source>
        <translation>L’extrait sélectionné est à la page %1.</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>À&#xa0;: %1</translation>
    </message>
    <message>
        <source>Attachments (not imported): %1</source>
        <translation>Pièces jointes (non importées)&#xa0;: %1</translation>
    </message>
    <message>
        <source>In the file:</source>
        <translation>Dans le fichier&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>This article holds characters the view cannot place exactly.</source>
        <translation>Cet article contient des caractères que la vue ne peut pas placer exactement.</translation>
    </message>
    <message>
        <source>Unknown label: %1</source>
        <translation>Étiquette inconnue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select some text, then press a label key.</source>
        <translation>Sélectionnez du texte, puis appuyez sur la touche d’une étiquette.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>That span is gone: it was removed in another window. Shown as saved now.</source>
        <translation>Ce passage a disparu&#xa0;: il a été supprimé dans une autre fenêtre. L’article est affiché tel qu’il est enregistré.</translation>
    </message>
    <message>
        <source>Nothing to tag: the selection holds no words.</source>
        <translation>Rien à étiqueter&#xa0;: la sélection ne contient aucun mot.</translation>
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
        <translation>&amp;Journal des affirmations…</translation>
    </message>
    <message>
        <source>Editorial &amp;report…</source>
        <translation>Rapport édi&amp;torial…</translation>
    </message>
    <message>
        <source>Link not saved: %1</source>
        <translation>Lien non enregistré&#xa0;: %1</translation>
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
        <translation>C’est une seule page autonome&#xa0;: envoyez-la, imprimez-la.</translation>
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
    <name>CarryOver</name>
    <message>
        <source>Carry over %1 span</source>
        <translation>Reporter %1 annotation</translation>
    </message>
    <message>
        <source>Carry over %1 spans</source>
        <translation>Reporter %1 annotations</translation>
    </message>
</context>
<context>
    <name>CarryOverAction</name>
    <message>
        <source>&amp;Carry spans over from an earlier version…</source>
        <translation>&amp;Reporter les annotations d’une version précédente…</translation>
    </message>
    <message>
        <source>Open the corrected article first.</source>
        <translation>Ouvrez d’abord l’article corrigé.</translation>
    </message>
    <message>
        <source>No other article has spans to carry over.</source>
        <translation>Aucun autre article n’a d’annotations à reporter.</translation>
    </message>
    <message>
        <source>Carrying spans over…</source>
        <translation>Report des annotations…</translation>
    </message>
    <message numerus="yes">
        <source>Carried %n span(s) over.</source>
        <translation>
            <numerusform>%n annotation reportée.</numerusform>
            <numerusform>%n annotations reportées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) came along.</source>
        <translation>
            <numerusform>%n lien a suivi.</numerusform>
            <numerusform>%n liens ont suivi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) were left on the earlier version: their text is not in the corrected article. Tag them again where they belong.</source>
        <translation>
            <numerusform>%n annotation reste sur la version précédente&#xa0;: son texte n’est plus dans l’article corrigé. Annotez-la de nouveau à sa place.</numerusform>
            <numerusform>%n annotations restent sur la version précédente&#xa0;: leur texte n’est plus dans l’article corrigé. Annotez-les de nouveau à leur place.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 were already there.</source>
        <translation>%1 y étaient déjà.</translation>
    </message>
    <message>
        <source>Some spans could not be carried over</source>
        <translation>Certaines annotations n’ont pas pu être reportées</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotateur</translation>
    </message>
</context>
<context>
    <name>CarryOverDialog</name>
    <message>
        <source>Carry spans over</source>
        <translation>Reporter les annotations</translation>
    </message>
    <message>
        <source>Carry the spans of an earlier version onto “%1”:</source>
        <translation>Reporter les annotations d’une version précédente sur «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Everyone’s spans</source>
        <translation>Les annotations de tous</translation>
    </message>
    <message>
        <source>Only mine (%1)</source>
        <translation>Seulement les miennes (%1)</translation>
    </message>
    <message>
        <source>Spans:</source>
        <translation>Annotations&#xa0;:</translation>
    </message>
    <message>
        <source>Carry over</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Versions précédentes</translation>
    </message>
    <message>
        <source>Earlier versions of this article, with their spans; Enter carries them over.</source>
        <translation>Les versions précédentes de cet article, avec leurs annotations&#xa0;; Entrée les reporte.</translation>
    </message>
    <message>
        <source>Carry every annotator&apos;s spans, or only yours.</source>
        <translation>Reporter les annotations de tous, ou seulement les vôtres.</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>same source</source>
        <translation>même source</translation>
    </message>
    <message>
        <source>same title</source>
        <translation>même titre</translation>
    </message>
</context>
<context>
    <name>ChooseAnnotatorsDialog</name>
    <message>
        <source>Review this article</source>
        <translation>Relire cet article</translation>
    </message>
    <message>
        <source>Whose tags do you want to compare? Tick two or more (Space ticks).</source>
        <translation>De qui voulez-vous comparer les annotations&#xa0;? Cochez-en au moins deux (Espace coche).</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n span(s) here)</source>
        <translation>
            <numerusform>%1 (%n annotation ici)</numerusform>
            <numerusform>%1 (%n annotations ici)</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Annotateurs</translation>
    </message>
    <message>
        <source>Tick the annotators whose tags the review compares; Space ticks.</source>
        <translation>Cochez les annotateurs dont la relecture compare les annotations&#xa0;; Espace coche.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Relire</translation>
    </message>
</context>
<context>
    <name>ColleagueWatch</name>
    <message>
        <source>Colleagues&apos; changes will not appear live: %1</source>
        <translation>Les modifications de vos collègues n’apparaîtront pas en direct : %1</translation>
    </message>
</context>
<context>
    <name>DocumentLanguageAction</name>
    <message>
        <source>Set the article&apos;s &amp;language…</source>
        <translation>Indiquer la &amp;langue de l’article…</translation>
    </message>
    <message>
        <source>Detect it from the text</source>
        <translation>La déduire du texte</translation>
    </message>
    <message>
        <source>Article language</source>
        <translation>Langue de l’article</translation>
    </message>
    <message>
        <source>Amounts in this article are read as written in:</source>
        <translation>Les montants de cet article sont lus comme écrits en&#xa0;:</translation>
    </message>
    <message>
        <source>detected from the text</source>
        <translation>déduite du texte</translation>
    </message>
    <message>
        <source>Article language: %1.</source>
        <translation>Langue de l’article&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Annot.</translation>
    </message>
    <message>
        <source>Doubt</source>
        <translation>Doute</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>The project model has not read this article yet.</source>
        <translation>Le modèle du projet n’a pas encore lu cet article.</translation>
    </message>
    <message>
        <source>The project model&apos;s uncertainty about this article: %1 (0: sure, 1: unsure). The more unsure it is, the more annotating the article teaches it.</source>
        <translation>L’incertitude du modèle du projet sur cet article&#xa0;: %1 (0&#xa0;: sûr, 1&#xa0;: incertain). Plus il est incertain, plus annoter l’article lui apprend.</translation>
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
            <numerusform>%1 sur %Ln article</numerusform>
            <numerusform>%1 sur %Ln articles</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done, %2 in progress</source>
        <translation>%1 terminés, %2 en cours</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Filter by title…</source>
        <translation>Filtrer par titre…</translation>
    </message>
    <message>
        <source>From (YYYY-MM-DD)</source>
        <translation>Du (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>To (YYYY-MM-DD)</source>
        <translation>Au (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>Articles published on or after / up to this date: a year, a month (2024-03) or a day (2024-03-05)</source>
        <translation>Articles publiés à partir de / jusqu’à cette date : une année, un mois (2024-03) ou un jour (2024-03-05)</translation>
    </message>
    <message>
        <source>Only the articles holding this label</source>
        <translation>Seulement les articles portant cette étiquette</translation>
    </message>
    <message>
        <source>Only the articles without this label</source>
        <translation>Seulement les articles sans cette étiquette</translation>
    </message>
    <message>
        <source>Only the articles this annotator has marked or started; the label filters then look at their spans only</source>
        <translation>Seulement les articles que cette personne a annotés ou commencés ; les filtres d’étiquettes ne regardent alors que ses annotations</translation>
    </message>
    <message>
        <source>Only the articles from this outlet</source>
        <translation>Seulement les articles de ce média</translation>
    </message>
    <message>
        <source>More filters: labels, annotator, outlet and publication date</source>
        <translation>Plus de filtres : étiquettes, annotateur, média et date de publication</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Plus de filtres</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>To do (not done)</source>
        <translation>À faire (non terminés)</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Pas commencé</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>With any label</source>
        <translation>Avec n’importe quelle étiquette</translation>
    </message>
    <message>
        <source>With %1</source>
        <translation>Avec %1</translation>
    </message>
    <message>
        <source>Without: —</source>
        <translation>Sans : —</translation>
    </message>
    <message>
        <source>Without %1</source>
        <translation>Sans %1</translation>
    </message>
    <message>
        <source>By anyone</source>
        <translation>Par tout le monde</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Par %1</translation>
    </message>
    <message>
        <source>All outlets</source>
        <translation>Tous les médias</translation>
    </message>
</context>
<context>
    <name>EditCandidateDialog</name>
    <message>
        <source>Edit before accepting</source>
        <translation>Corriger avant d’accepter</translation>
    </message>
    <message>
        <source>Up/Down move an edge by a whole &amp;word</source>
        <translation>Haut/Bas déplacent une borne d’un &amp;mot entier</translation>
    </message>
    <message>
        <source>Accept into gold</source>
        <translation>Accepter dans la référence</translation>
    </message>
    <message>
        <source>The label the span gets in gold.</source>
        <translation>L’étiquette que reçoit l’annotation dans la référence.</translation>
    </message>
    <message>
        <source>Where the span starts, in characters.</source>
        <translation>Où commence l’annotation, en caractères.</translation>
    </message>
    <message>
        <source>Where the span ends, in characters.</source>
        <translation>Où finit l’annotation, en caractères.</translation>
    </message>
    <message>
        <source>Up and Down in Start and End move by words, not characters.</source>
        <translation>Haut et Bas dans Début et Fin avancent par mots, pas par caractères.</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Début&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;nd:</source>
        <translation>&amp;Fin&#xa0;:</translation>
    </message>
    <message>
        <source>The start must come before the end.</source>
        <translation>Le début doit précéder la fin.</translation>
    </message>
</context>
<context>
    <name>ErrorListDialog</name>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Each file or line that failed, and why.</source>
        <translation>Chaque fichier ou ligne en échec, et pourquoi.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the dataset</source>
        <translation>Exporter le jeu de données</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Any article with spans or a status</source>
        <translation>Tout article avec des annotations ou un statut</translation>
    </message>
    <message>
        <source>Articles marked done (or reviewed)</source>
        <translation>Articles terminés (ou relus)</translation>
    </message>
    <message>
        <source>Reviewed articles only</source>
        <translation>Articles relus seulement</translation>
    </message>
    <message>
        <source>Every annotator</source>
        <translation>Tous les annotateurs</translation>
    </message>
    <message>
        <source>Gold (the reviewed layer)</source>
        <translation>Référence (la couche relue)</translation>
    </message>
    <message>
        <source>Drop spans that cut a word</source>
        <translation>Écarter les annotations qui coupent un mot</translation>
    </message>
    <message>
        <source>Shrink them to the words inside</source>
        <translation>Les réduire aux mots qu’elles contiennent</translation>
    </message>
    <message>
        <source>Grow them to whole words</source>
        <translation>Les étendre aux mots entiers</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Écrire dans&#xa0;:</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>Articles&#xa0;:</translation>
    </message>
    <message>
        <source>Whose spans:</source>
        <translation>Annotations de&#xa0;:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Spans that cut a word:</source>
        <translation>Annotations qui coupent un mot&#xa0;:</translation>
    </message>
    <message>
        <source>none, or train=0.8,dev=0.1,test=0.1</source>
        <translation>aucun, ou train=0.8,dev=0.1,test=0.1</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Graine :</translation>
    </message>
    <message>
        <source>Split by article:</source>
        <translation>Découper par article :</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>What program the dataset is written for.</source>
        <translation>Le programme pour lequel le jeu de données est écrit.</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>Écrire dans</translation>
    </message>
    <message>
        <source>The file or folder the export writes; an existing one is replaced only if an earlier export wrote it.</source>
        <translation>Le fichier ou le dossier qu’écrit l’export&#xa0;; un fichier existant n’est remplacé que si un export précédent l’a écrit.</translation>
    </message>
    <message>
        <source>Pick the file or folder in a file dialog.</source>
        <translation>Choisir le fichier ou le dossier dans une fenêtre de fichiers.</translation>
    </message>
    <message>
        <source>Which articles go into the dataset, by their status.</source>
        <translation>Les articles qui entrent dans le jeu de données, selon leur statut.</translation>
    </message>
    <message>
        <source>Whose spans go into the dataset.</source>
        <translation>Les annotations de qui entrent dans le jeu de données.</translation>
    </message>
    <message>
        <source>Export the spans with this label.</source>
        <translation>Exporter les annotations de cette étiquette.</translation>
    </message>
    <message>
        <source>For formats that hold whole words only: what to do with a span that cuts one.</source>
        <translation>Pour les formats qui ne gardent que des mots entiers&#xa0;: que faire d’une annotation qui en coupe un.</translation>
    </message>
    <message>
        <source>Split by article</source>
        <translation>Découper par article</translation>
    </message>
    <message>
        <source>Shares of train, dev and test parts, drawn by article; empty for one file.</source>
        <translation>Parts d’entraînement, de validation et de test, tirées par article&#xa0;; vide pour un seul fichier.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>The same seed draws the same split again.</source>
        <translation>La même graine refait le même découpage.</translation>
    </message>
    <message>
        <source>Gold JSONL (everything, with provenance)</source>
        <translation>JSONL de référence (tout, avec la provenance)</translation>
    </message>
    <message>
        <source>spaCy DocBin (.spacy)</source>
        <translation>DocBin spaCy (.spacy)</translation>
    </message>
    <message>
        <source>CoNLL-2003 IOB2 text</source>
        <translation>Texte CoNLL-2003 IOB2</translation>
    </message>
    <message>
        <source>Hugging Face dataset folder (token classification)</source>
        <translation>Dossier de données Hugging Face (classification de tokens)</translation>
    </message>
    <message>
        <source>brat standoff folder (.txt/.ann)</source>
        <translation>Dossier brat (.txt/.ann)</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>JSONL doccano</translation>
    </message>
    <message>
        <source>Label Studio JSON tasks</source>
        <translation>Tâches JSON Label Studio</translation>
    </message>
    <message>
        <source>Prodigy JSONL</source>
        <translation>JSONL Prodigy</translation>
    </message>
    <message>
        <source>ClaimReview JSON-LD (the gold claims&apos; verdicts)</source>
        <translation>ClaimReview JSON-LD (les verdicts sur les affirmations de référence)</translation>
    </message>
    <message>
        <source>One label per word: overlapping spans keep the longest, and spans that cut a word are aligned as chosen below. Whatever is left out is reported.</source>
        <translation>Une étiquette par mot&#xa0;: parmi des annotations qui se chevauchent, la plus longue est gardée, et celles qui coupent un mot sont alignées comme choisi ci-dessous. Tout ce qui est écarté est signalé.</translation>
    </message>
    <message>
        <source>Whole words only: spans that cut a word are aligned as chosen below. Whatever is left out is reported.</source>
        <translation>Mots entiers seulement&#xa0;: les annotations qui coupent un mot sont alignées comme choisi ci-dessous. Tout ce qui est écarté est signalé.</translation>
    </message>
    <message>
        <source>Keeps every span, nested ones included, and who made it.</source>
        <translation>Garde toutes les annotations, imbriquées comprises, et leur auteur.</translation>
    </message>
    <message>
        <source>One schema.org ClaimReview per reviewed claim with a verdict, from the gold layer; the claims without one are counted. The outlet named as author is set with “annotator settings set publisher.name”.</source>
        <translation>Un ClaimReview schema.org par affirmation relue qui a un verdict, pris dans la couche de référence&#xa0;; les affirmations sans verdict sont comptées. Le média nommé comme auteur se règle avec «&#xa0;annotator settings set publisher.name&#xa0;».</translation>
    </message>
    <message>
        <source>Keeps every span; who made it and when are not kept.</source>
        <translation>Garde toutes les annotations&#xa0;; leur auteur et leur date ne sont pas gardés.</translation>
    </message>
    <message>
        <source>Export to a folder</source>
        <translation>Exporter dans un dossier</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Each part is written beside the file you chose (tasks.train.json…); every annotator&apos;s layer of an article goes to the same part.</source>
        <translation>Chaque partie est écrite à côté du fichier choisi (tasks.train.json…) ; toutes les couches d’un article vont dans la même partie.</translation>
    </message>
    <message>
        <source>Write the parts as train=0.8,dev=0.1,test=0.1: shares adding up to 1.</source>
        <translation>Écrivez les parties ainsi : train=0.8,dev=0.1,test=0.1, parts dont la somme vaut 1.</translation>
    </message>
    <message>
        <source>Choose another place to write</source>
        <translation>Choisissez un autre emplacement</translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Rapport d’export</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n span(s) written; %3 dropped, %4 trimmed, %5 expanded.</source>
        <translation>
            <numerusform>%1 annotation écrite sur %n&#xa0;; %3 abandonnées, %4 rognées, %5 élargies.</numerusform>
            <numerusform>%1 annotations écrites sur %n&#xa0;; %3 abandonnées, %4 rognées, %5 élargies.</numerusform>
        </translation>
    </message>
    <message>
        <source>What the export left out</source>
        <translation>Ce que l’export a laissé de côté</translation>
    </message>
    <message>
        <source>The export&apos;s report, one line per reason, as the command line prints it.</source>
        <translation>Le rapport de l’export, une ligne par raison, comme l’affiche la ligne de commande.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Disque</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find:</source>
        <translation>Chercher&#xa0;:</translation>
    </message>
    <message>
        <source>Find in this article</source>
        <translation>Chercher dans cet article</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3, Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+F3, Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next hit (F3, Enter)</source>
        <translation>Occurrence suivante (F3, Entrée)</translation>
    </message>
    <message>
        <source>Tag every hit…</source>
        <translation>Annoter chaque occurrence…</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n hit(s)</source>
        <translation>
            <numerusform>%1 sur %n occurrence</numerusform>
            <numerusform>%1 sur %n occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Who is annotating?</source>
        <translation>Qui annote&#xa0;?</translation>
    </message>
    <message>
        <source>Your name is recorded on every span you make. You can change it later in Preferences.</source>
        <translation>Votre nom est enregistré sur chaque annotation que vous faites. Vous pourrez le changer dans les Préférences.</translation>
    </message>
    <message>
        <source>No name given, so the window did not open. Every span records who made it: give your name when asked, or with --annotator NAME.</source>
        <translation>Aucun nom donné&#xa0;: la fenêtre ne s’est pas ouverte. Chaque annotation indique qui l’a faite&#xa0;: donnez votre nom quand il est demandé, ou avec --annotator NOM.</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
</context>
<context>
    <name>ImportOptions</name>
    <message>
        <source>Cannot read “%1”: write THEIRS=OURS pairs separated by commas. A label with a comma or “=” in it goes alone on its line, or in a map file.</source>
        <translation>Impossible de lire «&#xa0;%1&#xa0;»&#xa0;: écrivez des paires LEURS=NÔTRES séparées par des virgules. Une étiquette qui contient une virgule ou un «&#xa0;=&#xa0;» se met seule sur sa ligne, ou dans un fichier de correspondance.</translation>
    </message>
    <message>
        <source>“%1” is mapped to both “%2” and “%3”.</source>
        <translation>«&#xa0;%1&#xa0;» est associé à la fois à «&#xa0;%2&#xa0;» et à «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>%1: the map file must hold a JSON object of label names, {&quot;THEIRS&quot;: &quot;OURS&quot;, …}.</source>
        <translation>%1&#xa0;: le fichier de correspondance doit contenir un objet JSON de noms d’étiquettes, {&quot;LEURS&quot;: &quot;NÔTRES&quot;, …}.</translation>
    </message>
    <message>
        <source>The map file cannot be used: %1</source>
        <translation>Le fichier de correspondance est inutilisable&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <source>Import annotated files</source>
        <translation>Importer des fichiers annotés</translation>
    </message>
    <message>
        <source>Some of the chosen files were annotated in another tool. How should their spans come in? Articles are imported as they are.</source>
        <translation>Certains des fichiers choisis ont été annotés dans un autre outil. Comment importer leurs annotations&#xa0;? Les articles sont importés tels quels.</translation>
    </message>
    <message>
        <source>the file&apos;s name</source>
        <translation>le nom du fichier</translation>
    </message>
    <message>
        <source>PER=person, ORG=organisation</source>
        <translation>PER=person, ORG=organisation</translation>
    </message>
    <message>
        <source>The project&apos;s labels: %1</source>
        <translation>Les étiquettes du projet&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Recognised from each file</source>
        <translation>Reconnu d’après chaque fichier</translation>
    </message>
    <message>
        <source>Detect from the span text</source>
        <translation>Détecter d’après le texte des annotations</translation>
    </message>
    <message>
        <source>Code points</source>
        <translation>Points de code</translation>
    </message>
    <message>
        <source>UTF-16 code units</source>
        <translation>Unités de code UTF-16</translation>
    </message>
    <message>
        <source>&amp;Add the labels and link types the project lacks</source>
        <translation>&amp;Ajouter les étiquettes et types de liens qui manquent au projet</translation>
    </message>
    <message>
        <source>Label Studio: import its &amp;predictions too, as suggestions</source>
        <translation>Label Studio&#xa0;: importer aussi ses pré&amp;dictions, comme suggestions</translation>
    </message>
    <message>
        <source>Keep a file&apos;s good records when some of its records are &amp;refused</source>
        <translation>Garder les bons enregistrements d’un fichier quand certains sont &amp;refusés</translation>
    </message>
    <message>
        <source>&amp;Layer (annotator):</source>
        <translation>&amp;Couche (annotateur)&#xa0;:</translation>
    </message>
    <message>
        <source>Label &amp;map:</source>
        <translation>Correspondance des é&amp;tiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Map &amp;file:</source>
        <translation>&amp;Fichier de correspondance&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Offsets:</source>
        <translation>&amp;Positions&#xa0;:</translation>
    </message>
    <message>
        <source>Wri&amp;tten by:</source>
        <translation>&amp;Outil d’origine&#xa0;:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>The annotator whose layer gets the spans of a file that names none; empty: the file&apos;s name.</source>
        <translation>L’annotateur dont la couche reçoit les annotations d’un fichier qui n’en nomme aucun&#xa0;; vide&#xa0;: le nom du fichier.</translation>
    </message>
    <message>
        <source>Label map</source>
        <translation>Correspondance des étiquettes</translation>
    </message>
    <message>
        <source>Their labels (and relation types) to the project&apos;s: THEIRS=OURS pairs separated by commas, on one or more lines.</source>
        <translation>Leurs étiquettes (et types de relations) vers celles du projet&#xa0;: des paires LEURS=NÔTRES séparées par des virgules, sur une ou plusieurs lignes.</translation>
    </message>
    <message>
        <source>The labels a map can name.</source>
        <translation>Les étiquettes qu’une correspondance peut nommer.</translation>
    </message>
    <message>
        <source>Map file</source>
        <translation>Fichier de correspondance</translation>
    </message>
    <message>
        <source>A JSON object of their labels to the project&apos;s; any label can be mapped so.</source>
        <translation>Un objet JSON de leurs étiquettes vers celles du projet&#xa0;; toute étiquette peut être associée ainsi.</translation>
    </message>
    <message>
        <source>Pick the map file in a file dialog.</source>
        <translation>Choisir le fichier de correspondance dans une fenêtre de fichiers.</translation>
    </message>
    <message>
        <source>What the files&apos; offsets count: detected unless you know it.</source>
        <translation>Ce que comptent les positions des fichiers&#xa0;: détecté, sauf si vous le savez.</translation>
    </message>
    <message>
        <source>Which tool wrote the files, when their shape does not tell; then every chosen file is read as that tool&apos;s.</source>
        <translation>L’outil qui a écrit les fichiers, quand leur forme ne le dit pas&#xa0;; chaque fichier choisi est alors lu comme venant de cet outil.</translation>
    </message>
    <message>
        <source>Otherwise the spans and links of a label the project lacks are refused.</source>
        <translation>Sinon, les annotations et liens d’une étiquette absente du projet sont refusés.</translation>
    </message>
    <message>
        <source>Not only the annotations of a Label Studio export.</source>
        <translation>Pas seulement les annotations d’un export Label Studio.</translation>
    </message>
    <message>
        <source>By default a file with a refused record is not imported at all.</source>
        <translation>Par défaut, un fichier dont un enregistrement est refusé n’est pas importé du tout.</translation>
    </message>
    <message>
        <source>Why the choices cannot be used as they are.</source>
        <translation>Pourquoi les choix ne peuvent pas servir tels quels.</translation>
    </message>
    <message>
        <source>Choose a label map</source>
        <translation>Choisir une correspondance d’étiquettes</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <source>Annotated files read: %4 · spans added: %1 (%2) · links added: %3</source>
        <translation>Fichiers annotés lus&#xa0;: %4 · annotations ajoutées&#xa0;: %1 (%2) · liens ajoutés&#xa0;: %3</translation>
    </message>
    <message>
        <source>The project has no label (or link type) %1. Add them to the project, or map them to the project&apos;s labels with: annotator import --map THEIRS=OURS FILE</source>
        <translation>Le projet n’a pas d’étiquette (ni de type de lien) %1. Ajoutez-les au projet, ou faites-les correspondre aux étiquettes du projet avec&#xa0;: annotator import --map LEUR_NOM=NOTRE_NOM FICHIER</translation>
    </message>
    <message>
        <source>Add these labels to the project</source>
        <translation>Ajouter ces étiquettes au projet</translation>
    </message>
</context>
<context>
    <name>KeyBindings</name>
    <message>
        <source>Move the selected span&apos;s end left</source>
        <translation>Déplacer la fin de l’annotation sélectionnée vers la gauche</translation>
    </message>
    <message>
        <source>Move the selected span&apos;s end right</source>
        <translation>Déplacer la fin de l’annotation sélectionnée vers la droite</translation>
    </message>
    <message>
        <source>Move the selected span&apos;s start left</source>
        <translation>Déplacer le début de l’annotation sélectionnée vers la gauche</translation>
    </message>
    <message>
        <source>Move the selected span&apos;s start right</source>
        <translation>Déplacer le début de l’annotation sélectionnée vers la droite</translation>
    </message>
    <message>
        <source>“%1” alone types, tags or moves in the article: give “%2” a key with Ctrl or Alt, or a function key.</source>
        <translation>«&#xa0;%1&#xa0;» seule tape, étiquette ou se déplace dans l’article&#xa0;: donnez à «&#xa0;%2&#xa0;» une touche avec Ctrl ou Alt, ou une touche de fonction.</translation>
    </message>
    <message>
        <source>“%1” is already the key of “%2”.</source>
        <translation>«&#xa0;%1&#xa0;» est déjà la touche de «&#xa0;%2&#xa0;».</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>retired</source>
        <translation>retirée</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>A colour is #RRGGBB.</source>
        <translation>Une couleur s’écrit #RRVVBB.</translation>
    </message>
    <message>
        <source>Hard to see on the page (%1).</source>
        <translation>Peu visible sur la page (%1).</translation>
    </message>
    <message>
        <source>Looks like %1 for colour-blind readers (%2).</source>
        <translation>Ressemble à %1 pour les lecteurs daltoniens (%2).</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Change the label %1</source>
        <translation>Modifier l’étiquette %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>type the new label&apos;s name first</source>
        <translation>tapez d’abord le nom de la nouvelle étiquette</translation>
    </message>
    <message>
        <source>Add the label %1</source>
        <translation>Ajouter l’étiquette %1</translation>
    </message>
    <message>
        <source>Added.</source>
        <translation>Ajoutée.</translation>
    </message>
    <message>
        <source>Bring back the label %1</source>
        <translation>Rétablir l’étiquette %1</translation>
    </message>
    <message>
        <source>Retire the label %1</source>
        <translation>Retirer l’étiquette %1</translation>
    </message>
    <message>
        <source>Attribute %1 of %2</source>
        <translation>Attribut %1 de %2</translation>
    </message>
    <message>
        <source>Remove the attribute %1 of %2</source>
        <translation>Supprimer l’attribut %1 de %2</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Affichée comme</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>In &amp;English:</source>
        <translation>En &amp;anglais&#xa0;:</translation>
    </message>
    <message>
        <source>In &amp;French:</source>
        <translation>En &amp;français&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Touche&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Couleur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Drawn as:</source>
        <translation>&amp;Dessinée comme&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Guidelines (Markdown):</source>
        <translation>&amp;Consignes (Markdown)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Pick…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Keep this colour anyway</source>
        <translation>Garder cette couleur quand même</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer les modifications</translation>
    </message>
    <message>
        <source>&amp;Add as a new label</source>
        <translation>&amp;Ajouter comme nouvelle étiquette</translation>
    </message>
    <message>
        <source>Attributes of its spans</source>
        <translation>Attributs de ses annotations</translation>
    </message>
    <message>
        <source>name, e.g. verdict</source>
        <translation>nom, par ex. verdict</translation>
    </message>
    <message>
        <source>values, separated by commas</source>
        <translation>valeurs, séparées par des virgules</translation>
    </message>
    <message>
        <source>key</source>
        <translation>touche</translation>
    </message>
    <message>
        <source>Add / change</source>
        <translation>Ajouter / modifier</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>a background (an entity)</source>
        <translation>un fond (une entité)</translation>
    </message>
    <message>
        <source>an underline (a statement)</source>
        <translation>un soulignement (un énoncé)</translation>
    </message>
    <message>
        <source>a choice</source>
        <translation>un choix</translation>
    </message>
    <message>
        <source>free text</source>
        <translation>texte libre</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>oui ou non</translation>
    </message>
    <message>
        <source>Rename the label %1 to %2</source>
        <translation>Renommer l’étiquette %1 en %2</translation>
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
        <source>same amount %1</source>
        <translation>même montant %1</translation>
    </message>
    <message>
        <source>same source %1</source>
        <translation>même source %1</translation>
    </message>
    <message>
        <source>both mention %1</source>
        <translation>toutes deux mentionnent %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>Claim ledger — %1</source>
        <translation>Journal des affirmations — %1</translation>
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
        <source>Search the ledger</source>
        <translation>Chercher dans le journal</translation>
    </message>
    <message>
        <source>Shows only the claims whose text, source or article holds these words.</source>
        <translation>N’affiche que les affirmations dont le texte, la source ou l’article contient ces mots.</translation>
    </message>
    <message>
        <source>Reads the claims, links and reviews again.</source>
        <translation>Relit les affirmations, les liens et les relectures.</translation>
    </message>
    <message>
        <source>Each claim, who said it, its amounts, its articles and who denied it; Enter opens it.</source>
        <translation>Chaque affirmation, qui l’a dite, ses montants, ses articles et qui l’a démentie&#xa0;; Entrée l’ouvre.</translation>
    </message>
    <message>
        <source>Claims that may be the same</source>
        <translation>Affirmations peut-être identiques</translation>
    </message>
    <message>
        <source>Claims from different articles that read alike; Enter groups them.</source>
        <translation>Des affirmations d’articles différents qui se ressemblent&#xa0;; Entrée les regroupe.</translation>
    </message>
    <message>
        <source>Records that the selected claims are one claim.</source>
        <translation>Enregistre que les affirmations choisies n’en font qu’une.</translation>
    </message>
    <message>
        <source>Closes the ledger.</source>
        <translation>Ferme le journal.</translation>
    </message>
    <message>
        <source>%1 claims in %2 rows; %3 denials; %4 claims or denials without a source. Double-click a row to open its article at the claim.</source>
        <translation>%1 affirmation(s) en %2 ligne(s)&#xa0;; %3 démenti(s)&#xa0;; %4 affirmation(s) ou démenti(s) sans source. Double-cliquez sur une ligne pour ouvrir son article à l’affirmation.</translation>
    </message>
    <message>
        <source>Proposed groups (%1): the same claim in several rows?</source>
        <translation>Regroupements proposés (%1)&#xa0;: la même affirmation sur plusieurs lignes&#xa0;?</translation>
    </message>
</context>
<context>
    <name>LinkCommand</name>
    <message>
        <source>Link “%1” %2 “%3”</source>
        <translation>Relier «&#xa0;%1&#xa0;» %2 «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>Unlink “%1” %2 “%3”</source>
        <translation>Délier «&#xa0;%1&#xa0;» %2 «&#xa0;%3&#xa0;»</translation>
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
        <translation>Aucun lien ne part de «&#xa0;%1&#xa0;»&#xa0;: les liens partent des affirmations, démentis et montants.</translation>
    </message>
    <message>
        <source>Nothing to link to: no candidate is shown.</source>
        <translation>Rien à relier&#xa0;: aucun candidat n’est proposé.</translation>
    </message>
    <message>
        <source>Linked: %1 “%2” %3 “%4”.</source>
        <translation>Relié&#xa0;: %1 «&#xa0;%2&#xa0;» %3 «&#xa0;%4&#xa0;».</translation>
    </message>
    <message>
        <source>Select a denial or a claim first, then press Shift+L.</source>
        <translation>Sélectionnez d’abord un démenti ou une affirmation, puis appuyez sur Maj+L.</translation>
    </message>
    <message>
        <source>A %1 cannot be linked to another article.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être relié à un autre article.</translation>
    </message>
    <message>
        <source>Link %1 “%2”</source>
        <translation>Relier %1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>no span in this article can be linked to it</source>
        <translation>aucune annotation de cet article ne peut lui être reliée</translation>
    </message>
    <message>
        <source>no %1 candidate here</source>
        <translation>aucun candidat «&#xa0;%1&#xa0;» ici</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>(%1 sur %2)</translation>
    </message>
    <message>
        <source>%1 → %2 “%3” %4</source>
        <translation>%1 → %2 «&#xa0;%3&#xa0;» %4</translation>
    </message>
    <message>
        <source>Tab: next</source>
        <translation>Tab&#xa0;: suivant</translation>
    </message>
    <message>
        <source>Enter: link</source>
        <translation>Entrée&#xa0;: relier</translation>
    </message>
    <message>
        <source>Esc: cancel</source>
        <translation>Échap&#xa0;: annuler</translation>
    </message>
    <message>
        <source>T: type (%1, 0: all)</source>
        <translation>T&#xa0;: type (%1, 0&#xa0;: tous)</translation>
    </message>
    <message>
        <source>O: another article</source>
        <translation>O&#xa0;: un autre article</translation>
    </message>
    <message>
        <source>Not a span this one can be linked to: click a highlighted candidate.</source>
        <translation>Cette annotation ne peut pas y être reliée&#xa0;: cliquez sur un candidat en surbrillance.</translation>
    </message>
    <message>
        <source>Several spans here: click again for the next one, Enter links to this one.</source>
        <translation>Plusieurs annotations ici&#xa0;: cliquez encore pour le suivant, Entrée relie celui-ci.</translation>
    </message>
</context>
<context>
    <name>LinkPanel</name>
    <message>
        <source>(in “%1”)</source>
        <translation>(dans «&#xa0;%1&#xa0;»)</translation>
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
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rticle</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <source>Load the &amp;sample articles</source>
        <translation>Charger les articles d’&amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Remove the selected span (Delete)</source>
        <translation>&amp;Supprimer l’annotation sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Select the span &amp;around it</source>
        <translation>Sélectionner l’annotation &amp;englobante</translation>
    </message>
    <message>
        <source>Select the span &amp;inside it</source>
        <translation>Sélectionner l’annotation &amp;intérieure</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Snap selections to whole words</source>
        <translation>&amp;Caler les sélections sur des mots entiers</translation>
    </message>
    <message>
        <source>Go to the article &amp;list</source>
        <translation>Aller à la &amp;liste des articles</translation>
    </message>
    <message>
        <source>&amp;Reload what others changed in the project</source>
        <translation>&amp;Recharger ce que d’autres ont changé dans le projet</translation>
    </message>
    <message>
        <source>Mark &amp;done and open the next</source>
        <translation>Marquer &amp;terminé et ouvrir le suivant</translation>
    </message>
    <message>
        <source>Mark in &amp;progress again</source>
        <translation>Remettre &amp;en cours</translation>
    </message>
    <message>
        <source>&amp;Next article</source>
        <translation>Article &amp;suivant</translation>
    </message>
    <message>
        <source>Pre&amp;vious article</source>
        <translation>Article &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About annotator</source>
        <translation>À &amp;propos d’annotator</translation>
    </message>
    <message>
        <source>Tag as:</source>
        <translation>Étiqueter&#xa0;:</translation>
    </message>
    <message>
        <source>This article cannot be opened: %1</source>
        <translation>Impossible d’ouvrir cet article : %1</translation>
    </message>
    <message>
        <source>Every article is done. Well done!</source>
        <translation>Tous les articles sont terminés. Bravo&#xa0;!</translation>
    </message>
    <message>
        <source>Waiting for another program that is saving to this project…</source>
        <translation>En attente d’un autre programme qui enregistre dans ce projet…</translation>
    </message>
    <message>
        <source>Annotator: %1</source>
        <translation>Annotateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>Aucun article ouvert</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>État&#xa0;: %1</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(lecture seule)</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <source>Annotated files from other tools (*.jsonl *.json *.tsv)</source>
        <translation>Fichiers annotés par d’autres outils (*.jsonl *.json *.tsv)</translation>
    </message>
    <message>
        <source>Zip archives of articles or annotated files (*.zip)</source>
        <translation>Archives zip d’articles ou de fichiers annotés (*.zip)</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>Importer un dossier d’articles</translation>
    </message>
    <message>
        <source>Importing articles…</source>
        <translation>Import des articles…</translation>
    </message>
    <message>
        <source>Imported %1 new, %2 already there, %3 failed, %4 skipped.</source>
        <translation>Importés&#xa0;: %1 nouveaux, %2 déjà présents, %3 en échec, %4 ignorés.</translation>
    </message>
    <message>
        <source>Import cancelled: %1 new articles kept.</source>
        <translation>Import annulé&#xa0;: %1 nouveaux articles conservés.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported. Nothing from them was saved.</source>
        <translation>
            <numerusform>%n fichier n’a pas pu être importé. Rien n’en a été enregistré.</numerusform>
            <numerusform>%n fichiers n’ont pas pu être importés. Rien n’en a été enregistré.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Certains fichiers n’ont pas été importés</translation>
    </message>
    <message>
        <source>Wrote %1 and %2 to %3.</source>
        <translation>%1 et %2 écrits dans %3.</translation>
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
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l’import</translation>
    </message>
    <message>
        <source>&amp;Filter the articles by title</source>
        <translation>&amp;Filtrer les articles par titre</translation>
    </message>
    <message>
        <source>Articles (*.txt *.md *.html *.htm *.pdf *.docx *.odt *.eml);;All files (*)</source>
        <translation>Articles (*.txt *.md *.html *.htm *.pdf *.docx *.odt *.eml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>About annotator</source>
        <translation>À propos d’annotator</translation>
    </message>
    <message>
        <source>annotator %1: tag claims, denials, amounts, people and organisations in news articles. Every tag is saved as you make it in %2.</source>
        <translation>annotator %1&#xa0;: étiquetez affirmations, démentis, montants, personnes et organisations dans des articles de presse. Chaque étiquette est enregistrée dès que vous la posez, dans %2.</translation>
    </message>
    <message>
        <source>An empty project</source>
        <translation>Un projet vide</translation>
    </message>
    <message>
        <source>This project has no articles yet.</source>
        <translation>Ce projet n’a encore aucun article.</translation>
    </message>
    <message>
        <source>Load the five sample articles to try the tool, or import your own files.</source>
        <translation>Chargez les cinq articles d’exemple pour essayer l’outil, ou importez vos propres fichiers.</translation>
    </message>
    <message>
        <source>Load the sample articles</source>
        <translation>Charger les articles d’exemple</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Exporting the dataset…</source>
        <translation>Export du jeu de données…</translation>
    </message>
</context>
<context>
    <name>NoteCommand</name>
    <message>
        <source>Remove the note on the article</source>
        <translation>Retirer la note sur l’article</translation>
    </message>
    <message>
        <source>Note on the article</source>
        <translation>Note sur l’article</translation>
    </message>
    <message>
        <source>Remove the note on “%1”</source>
        <translation>Retirer la note sur «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Note on “%1”</source>
        <translation>Note sur «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Note not saved: %1</source>
        <translation>Note non enregistrée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Ctrl+Enter keeps the note; an empty note is removed.</source>
        <translation>Ctrl+Entrée garde la note&#xa0;; une note vide est retirée.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Remove the note</source>
        <translation>&amp;Retirer la note</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>&amp;Note on the selected span… (M)</source>
        <translation>&amp;Note sur le passage sélectionné… (M)</translation>
    </message>
    <message>
        <source>Note on this &amp;article… (Shift+M)</source>
        <translation>Note sur cet &amp;article… (Maj+M)</translation>
    </message>
    <message>
        <source>Notes on the selected span</source>
        <translation>Notes sur le passage sélectionné</translation>
    </message>
    <message>
        <source>Notes on this article</source>
        <translation>Notes sur cet article</translation>
    </message>
    <message>
        <source>Remove my note</source>
        <translation>Retirer ma note</translation>
    </message>
    <message>
        <source>Opens the editor of your note on the selected span</source>
        <translation>Ouvre l’éditeur de votre note sur le passage sélectionné</translation>
    </message>
    <message>
        <source>Opens the editor of your note on this article</source>
        <translation>Ouvre l’éditeur de votre note sur cet article</translation>
    </message>
    <message>
        <source>Removes your note (Edit → Undo brings it back)</source>
        <translation>Retire votre note (Édition → Annuler la ramène)</translation>
    </message>
    <message>
        <source>Edit my note… (M)</source>
        <translation>Modifier ma note… (M)</translation>
    </message>
    <message>
        <source>Add a note… (M)</source>
        <translation>Ajouter une note… (M)</translation>
    </message>
    <message>
        <source>Edit my note on this article… (Shift+M)</source>
        <translation>Modifier ma note sur cet article… (Maj+M)</translation>
    </message>
    <message>
        <source>Add a note on this article… (Shift+M)</source>
        <translation>Ajouter une note sur cet article… (Maj+M)</translation>
    </message>
    <message>
        <source>Select a span first (click it, or Tab to it), then press M.</source>
        <translation>Sélectionnez d’abord un passage (cliquez dessus, ou Tab jusqu’à lui), puis appuyez sur M.</translation>
    </message>
    <message>
        <source>Your note on “%1”:</source>
        <translation>Votre note sur «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Your note on this article:</source>
        <translation>Votre note sur cet article&#xa0;:</translation>
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
        <translation>Relier «&#xa0;%1&#xa0;» à&#xa0;:</translation>
    </message>
    <message>
        <source>No span of another article can be linked to “%1”.</source>
        <translation>Aucun passage d’un autre article ne peut être relié à «&#xa0;%1&#xa0;».</translation>
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
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Snap selections to whole words</source>
        <translation>Caler les sélections sur des mots entiers</translation>
    </message>
    <message>
        <source>Recorded on every span you make from now on.</source>
        <translation>Enregistré sur chaque annotation que vous ferez désormais.</translation>
    </message>
    <message>
        <source>The language of menus and messages; the system&apos;s unless you pick one.</source>
        <translation>La langue des menus et des messages&#xa0;; celle du système si vous n’en choisissez pas.</translation>
    </message>
    <message>
        <source>A selection widens to whole words and drops the punctuation around them.</source>
        <translation>Une sélection s’étend aux mots entiers et laisse la ponctuation autour.</translation>
    </message>
    <message>
        <source>Loads spaCy&apos;s model, which takes a few seconds and some memory.</source>
        <translation>Charge le modèle de spaCy, ce qui prend quelques secondes et de la mémoire.</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Votre nom&#xa0;:</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Langue de l’interface&#xa0;:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Your name, the interface language, selections.</source>
        <translation>Votre nom, la langue de l’interface, les sélections.</translation>
    </message>
    <message>
        <source>The keys of every command, which you can change.</source>
        <translation>Les touches de chaque commande, que vous pouvez changer.</translation>
    </message>
    <message>
        <source>Suggest people and organisations with spaCy</source>
        <translation>Suggérer personnes et organisations avec spaCy</translation>
    </message>
</context>
<context>
    <name>ProgressAction</name>
    <message>
        <source>Team &amp;progress…</source>
        <translation>&amp;Avancement de l’équipe…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Décompte…</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Team progress</source>
        <translation>Avancement de l’équipe</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotateur</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Confiés</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Pas commencé</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Relu</translation>
    </message>
    <message>
        <source>Spans by label</source>
        <translation>Passages par étiquette</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) in the project</source>
        <translation>
            <numerusform>%n article dans le projet</numerusform>
            <numerusform>%n articles dans le projet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Agreement so far, %1 and %2: F1 %3 over %n article(s)</source>
        <translation>
            <numerusform>Accord à ce jour, %1 et %2 : F1 %3 sur %n article</numerusform>
            <numerusform>Accord à ce jour, %1 et %2 : F1 %3 sur %n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreement needs two annotators.</source>
        <translation>L’accord demande deux annotateurs.</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>Projets &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Back up the project…</source>
        <translation>&amp;Sauvegarder le projet…</translation>
    </message>
    <message>
        <source>&amp;Merge a colleague&apos;s project…</source>
        <translation>&amp;Fusionner le projet d’un collègue…</translation>
    </message>
    <message>
        <source>Back up the project</source>
        <translation>Sauvegarder le projet</translation>
    </message>
    <message>
        <source>Projects (*.db)</source>
        <translation>Projets (*.db)</translation>
    </message>
    <message>
        <source>Backing up the project…</source>
        <translation>Sauvegarde du projet…</translation>
    </message>
    <message>
        <source>Project backed up to %1.</source>
        <translation>Projet sauvegardé dans %1.</translation>
    </message>
    <message>
        <source>Backup not written</source>
        <translation>Sauvegarde non écrite</translation>
    </message>
    <message>
        <source>Merge a colleague&apos;s project</source>
        <translation>Fusionner le projet d’un collègue</translation>
    </message>
    <message>
        <source>Merging the project…</source>
        <translation>Fusion du projet…</translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation>Non fusionné</translation>
    </message>
    <message>
        <source>Merged %1: %2 added, %3 added.</source>
        <translation>%1 fusionné&#xa0;: %2 et %3 ajoutés.</translation>
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
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>Their scheme differs: %1</source>
        <translation>Leur schéma diffère&#xa0;: %1</translation>
    </message>
    <message>
        <source>No other project yet</source>
        <translation>Aucun autre projet pour l’instant</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>%1 already exists: open it with Open project…, or choose a new name.</source>
        <translation>%1 existe déjà&#xa0;: ouvrez-le avec Ouvrir un projet…, ou choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
</context>
<context>
    <name>ProjectWatch</name>
    <message>
        <source>&amp;Save the work to a new project file…</source>
        <translation>&amp;Enregistrer le travail dans un nouveau fichier de projet…</translation>
    </message>
    <message>
        <source>The project file is gone: nothing more is saved</source>
        <translation>Le fichier du projet a disparu&#xa0;: plus rien n’est enregistré</translation>
    </message>
    <message>
        <source>Read-only: the project is on a network drive, where saving is unsafe</source>
        <translation>Lecture seule : le projet est sur un lecteur réseau, où l’enregistrer n’est pas sûr</translation>
    </message>
    <message>
        <source>Read-only: the project or its folder is write-protected, nothing is saved</source>
        <translation>Lecture seule&#xa0;: le projet ou son dossier est protégé en écriture, rien n’est enregistré</translation>
    </message>
    <message>
        <source>The project file is gone</source>
        <translation>Le fichier du projet a disparu</translation>
    </message>
    <message>
        <source>%1 was deleted, moved or replaced by another file since this window opened it. Nothing more is saved there, so that no other file is damaged.</source>
        <translation>%1 a été supprimé, déplacé ou remplacé par un autre fichier depuis que cette fenêtre l’a ouvert. Plus rien n’y est enregistré, pour n’abîmer aucun autre fichier.</translation>
    </message>
    <message>
        <source>Everything this window still holds, your latest tags included, can be saved to a new project file.</source>
        <translation>Tout ce que cette fenêtre contient encore, vos dernières étiquettes comprises, peut être enregistré dans un nouveau fichier de projet.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Save the work to a new project file</source>
        <translation>Enregistrer le travail dans un nouveau fichier de projet</translation>
    </message>
    <message>
        <source>Project files (*.db)</source>
        <translation>Fichiers de projet (*.db)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Your work is saved in %1: open it to go on.</source>
        <translation>Votre travail est enregistré dans %1&#xa0;: ouvrez-le pour continuer.</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ReviewCommand</name>
    <message>
        <source>Accept %1 “%2”</source>
        <translation>Accepter %1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Reject %1 “%2”</source>
        <translation>Rejeter %1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Add %1 “%2” to gold</source>
        <translation>Ajouter %1 «&#xa0;%2&#xa0;» à la référence</translation>
    </message>
    <message>
        <source>Edit %1 “%2” into gold</source>
        <translation>Corriger %1 «&#xa0;%2&#xa0;» dans la référence</translation>
    </message>
    <message>
        <source>Accept the agreed span</source>
        <translation>Accepter l’annotation commune</translation>
    </message>
    <message>
        <source>Accept the %1 agreed spans</source>
        <translation>Accepter les %1 annotations communes</translation>
    </message>
    <message>
        <source>Mark the article reviewed</source>
        <translation>Marquer l’article comme relu</translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <source>&amp;Review</source>
        <translation>Re&amp;lecture</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <source>&amp;Review this article…</source>
        <translation>&amp;Relire cet article…</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>A&amp;ccord entre annotateurs…</translation>
    </message>
    <message>
        <source>&amp;Next disagreement</source>
        <translation>Désaccord &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Previous disagreement</source>
        <translation>Désaccord &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Accept into gold</source>
        <translation>&amp;Accepter dans la référence</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;jeter</translation>
    </message>
    <message>
        <source>&amp;Edit, then accept…</source>
        <translation>C&amp;orriger, puis accepter…</translation>
    </message>
    <message>
        <source>Accept everything all &amp;agree on</source>
        <translation>Accepter tout ce qui fait l’&amp;unanimité</translation>
    </message>
    <message>
        <source>&amp;Comment the next decision</source>
        <translation>Comme&amp;nter la prochaine décision</translation>
    </message>
    <message>
        <source>Compare a layer with &amp;gold</source>
        <translation>Comparer une couche à la ré&amp;férence</translation>
    </message>
    <message>
        <source>&amp;Mark the article reviewed</source>
        <translation>&amp;Marquer l’article comme relu</translation>
    </message>
    <message>
        <source>&amp;Leave review mode</source>
        <translation>&amp;Quitter la relecture</translation>
    </message>
    <message>
        <source>Open an article to review first.</source>
        <translation>Ouvrez d’abord un article à relire.</translation>
    </message>
    <message>
        <source>Choose at least two annotators to compare.</source>
        <translation>Choisissez au moins deux annotateurs à comparer.</translation>
    </message>
    <message>
        <source>That article is not in the list.</source>
        <translation>Cet article n’est pas dans la liste.</translation>
    </message>
    <message>
        <source>No disagreements in this article.</source>
        <translation>Aucun désaccord dans cet article.</translation>
    </message>
    <message>
        <source>Back to the first disagreement.</source>
        <translation>Retour au premier désaccord.</translation>
    </message>
    <message>
        <source>Back to the last disagreement.</source>
        <translation>Retour au dernier désaccord.</translation>
    </message>
    <message>
        <source>Pick a disagreement first (J / K).</source>
        <translation>Choisissez d’abord un désaccord (J / K).</translation>
    </message>
    <message>
        <source>Added to gold: “%1”.</source>
        <translation>Ajouté à la référence&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Every agreed span already has a decision.</source>
        <translation>Chaque annotation commune a déjà sa décision.</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n agreed span(s) into gold.</source>
        <translation>
            <numerusform>%n annotation commune acceptée dans la référence.</numerusform>
            <numerusform>%n annotations communes acceptées dans la référence.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet: %1 and %2 need a decision.</source>
        <translation>Pas encore&#xa0;: %1 et %2 attendent une décision.</translation>
    </message>
    <message numerus="yes">
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>%n désaccord</numerusform>
            <numerusform>%n désaccords</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreed span(s)</source>
        <translation>
            <numerusform>%n annotation commune</numerusform>
            <numerusform>%n annotations communes</numerusform>
        </translation>
    </message>
    <message>
        <source>This article is already reviewed.</source>
        <translation>Cet article est déjà relu.</translation>
    </message>
    <message>
        <source>Article marked reviewed.</source>
        <translation>Article marqué comme relu.</translation>
    </message>
    <message>
        <source>The next decision will carry your comment.</source>
        <translation>La prochaine décision portera votre commentaire.</translation>
    </message>
    <message>
        <source>Everything is settled: Ctrl+Enter marks the article reviewed.</source>
        <translation>Tout est tranché&#xa0;: Ctrl+Entrée marque l’article comme relu.</translation>
    </message>
    <message>
        <source>%1 and %2 do not disagree there.</source>
        <translation>%1 et %2 ne sont pas en désaccord ici.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Kind / label</source>
        <translation>Type / étiquette</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Désaccords</translation>
    </message>
    <message>
        <source>Against gold (G)</source>
        <translation>Face à la référence (G)</translation>
    </message>
    <message>
        <source>Layer of:</source>
        <translation>Couche de&#xa0;:</translation>
    </message>
    <message>
        <source>Comment for the next decision (C, then Enter)</source>
        <translation>Commentaire pour la prochaine décision (C, puis Entrée)</translation>
    </message>
    <message>
        <source>Mark reviewed (Ctrl+Enter)</source>
        <translation>Marquer relu (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>J/K next/previous · A accept · R reject · E edit · Shift+A accept what all agree on · C comment · Ctrl+Enter reviewed · Ctrl+Z undo</source>
        <translation>J/K suivant/précédent · A accepter · R rejeter · E corriger · Maj+A accepter ce qui fait l’unanimité · C commenter · Ctrl+Entrée relu · Ctrl+Z annuler</translation>
    </message>
    <message>
        <source>Only some have it</source>
        <translation>Pas chez tous</translation>
    </message>
    <message>
        <source>Labels differ</source>
        <translation>Autre étiquette</translation>
    </message>
    <message>
        <source>Boundaries differ</source>
        <translation>Autres bornes</translation>
    </message>
    <message>
        <source>✓ accepted</source>
        <translation>✓ acceptée</translation>
    </message>
    <message>
        <source>+ added</source>
        <translation>+ ajoutée</translation>
    </message>
    <message>
        <source>✗ rejected</source>
        <translation>✗ rejetée</translation>
    </message>
    <message>
        <source>✎ edited: %1</source>
        <translation>✎ corrigée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Agreed by all</source>
        <translation>Communes à tous</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) every chosen annotator has</source>
        <translation>
            <numerusform>%n annotation faite par tous</numerusform>
            <numerusform>%n annotations faites par tous</numerusform>
        </translation>
    </message>
    <message>
        <source>%1&apos;s comment on this decision: %2</source>
        <translation>Commentaire de %1 sur cette décision&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 · %2, %3 waiting · %4 in gold, %5</source>
        <translation>%1 · %2, %3 en attente · %4 dans la référence, %5</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n disagreement(s) settled</source>
        <translation>
            <numerusform>désaccord tranché&#xa0;: %1 sur %n</numerusform>
            <numerusform>désaccords tranchés&#xa0;: %1 sur %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agreed span(s)</source>
        <translation>
            <numerusform>%n annotation commune</numerusform>
            <numerusform>%n annotations communes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 exactly as in gold; %3 only in the layer, %4 only in gold.</source>
        <translation>%1 de %2 identiques à la référence&#xa0;; %3 seulement dans la couche, %4 seulement dans la référence.</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 waiting (Shift+A)</source>
        <translation>%1 en attente (Maj+A)</translation>
    </message>
    <message>
        <source>✓ all decided</source>
        <translation>✓ toutes tranchées</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>sans %1</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>tranché</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 par %2 le %3</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Commentaire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Had it: %1</source>
        <translation>Annotée par&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reviewing the tags of %1</source>
        <translation>Relecture des annotations de %1</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>relu</translation>
    </message>
    <message>
        <source>Every disagreement is settled. Mark the article reviewed?</source>
        <translation>Tous les désaccords sont tranchés. Marquer l’article comme relu&#xa0;?</translation>
    </message>
    <message>
        <source>✓ This article is reviewed.</source>
        <translation>✓ Cet article est relu.</translation>
    </message>
    <message>
        <source>Only in %1&apos;s layer</source>
        <translation>Seulement dans la couche de %1</translation>
    </message>
    <message>
        <source>Only in gold</source>
        <translation>Seulement dans la référence</translation>
    </message>
    <message>
        <source>Labels or boundaries differ (%1)</source>
        <translation>Autre étiquette ou autres bornes (%1)</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>référence</translation>
    </message>
</context>
<context>
    <name>SchemeView</name>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projet</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>Éti&amp;quettes…</translation>
    </message>
    <message>
        <source>&amp;Guidelines</source>
        <translation>&amp;Consignes</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <source>No guidelines yet. Write them in Project → Labels…, or with annotator labels guidelines.</source>
        <translation>Pas encore de consignes. Écrivez-les dans Projet → Étiquettes…, ou avec annotator labels guidelines.</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Search every article: words, “a phrase”, prefix*</source>
        <translation>Chercher dans tous les articles&#xa0;: mots, «&#xa0;une expression&#xa0;», préfixe*</translation>
    </message>
    <message>
        <source>&amp;Tag every hit…</source>
        <translation>&amp;Annoter chaque occurrence…</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Occurrence</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Found in the title</source>
        <translation>Trouvé dans le titre</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n occurrence</numerusform>
            <numerusform>%n occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n article(s)</source>
        <translation>
            <numerusform>dans %n article</numerusform>
            <numerusform>dans %n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>The first %1; refine the query to see the rest</source>
        <translation>Les premières&#xa0;: %1&#xa0;; précisez la recherche pour voir la suite</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every command and its key; a key another command holds is refused.</source>
        <translation>Chaque commande et sa touche&#xa0;; une touche déjà prise par une autre commande est refusée.</translation>
    </message>
    <message>
        <source>Key for %1</source>
        <translation>Touche pour %1</translation>
    </message>
    <message>
        <source>Press the new key; the clear button removes it.</source>
        <translation>Appuyez sur la nouvelle touche&#xa0;; le bouton d’effacement la retire.</translation>
    </message>
    <message>
        <source>Restore the default keys</source>
        <translation>Rétablir les touches par défaut</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Arrows, Ctrl+arrows, Home, End</source>
        <translation>Flèches, Ctrl+flèches, Début, Fin</translation>
    </message>
    <message>
        <source>Move the caret by character, word, line</source>
        <translation>Déplacer le curseur par caractère, mot, ligne</translation>
    </message>
    <message>
        <source>Shift + movement keys</source>
        <translation>Maj + touches de déplacement</translation>
    </message>
    <message>
        <source>Select text</source>
        <translation>Sélectionner du texte</translation>
    </message>
    <message>
        <source>Double-click, drag</source>
        <translation>Double-clic, glisser</translation>
    </message>
    <message>
        <source>Select a word, a passage</source>
        <translation>Sélectionner un mot, un passage</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Maj+Tab</translation>
    </message>
    <message>
        <source>Select the next / previous span at the caret</source>
        <translation>Sélectionner l’annotation suivante / précédente au curseur</translation>
    </message>
    <message>
        <source>Remove the selected span</source>
        <translation>Supprimer l’annotation sélectionnée</translation>
    </message>
    <message>
        <source>Delete / Backspace</source>
        <translation>Suppr / Retour arrière</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Leave the selected span</source>
        <translation>Quitter l’annotation sélectionnée</translation>
    </message>
    <message>
        <source>Click in a span (again: the span under it)</source>
        <translation>Clic dans une annotation (à nouveau&#xa0;: celle en dessous)</translation>
    </message>
    <message>
        <source>Select that span</source>
        <translation>Sélectionner cette annotation</translation>
    </message>
    <message>
        <source>A label&apos;s key, on a selected span</source>
        <translation>La touche d’une étiquette, sur une annotation sélectionnée</translation>
    </message>
    <message>
        <source>Change its label</source>
        <translation>Changer son étiquette</translation>
    </message>
    <message>
        <source>Enter, Shift+Enter, Escape, in the find bar</source>
        <translation>Entrée, Maj+Entrée, Échap, dans la barre de recherche</translation>
    </message>
    <message>
        <source>Next hit, previous hit, close the bar</source>
        <translation>Occurrence suivante, précédente, fermer la barre</translation>
    </message>
    <message>
        <source>Down, then Enter, in the search pane</source>
        <translation>Bas, puis Entrée, dans le panneau de recherche</translation>
    </message>
    <message>
        <source>Go to the hits, open the article at the hit</source>
        <translation>Aller aux occurrences, ouvrir l’article à l’occurrence</translation>
    </message>
    <message>
        <source>A label&apos;s key, Enter, Space or Delete, Ctrl+Enter, in Tag every hit</source>
        <translation>Touche d’une étiquette, Entrée, Espace ou Suppr, Ctrl+Entrée, dans Annoter chaque occurrence</translation>
    </message>
    <message>
        <source>Tag the hit with that label or the one shown, skip it, tag every hit so decided</source>
        <translation>Annoter l’occurrence avec cette étiquette ou celle affichée, la passer, annoter toutes celles ainsi choisies</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Tag the selection: %1</source>
        <translation>Étiqueter la sélection&#xa0;: %1</translation>
    </message>
    <message>
        <source>Digit keys</source>
        <translation>Touches des chiffres</translation>
    </message>
    <message>
        <source>The key printed with the digit, Shift or not: on a French keyboard the 5 key tags without Shift</source>
        <translation>La touche où le chiffre est imprimé, avec ou sans Maj&#xa0;: sur un clavier français, la touche 5 étiquette sans Maj</translation>
    </message>
    <message>
        <source>Tagging</source>
        <translation>Étiquetage</translation>
    </message>
    <message>
        <source>In the article</source>
        <translation>Dans l’article</translation>
    </message>
    <message>
        <source>Menus</source>
        <translation>Menus</translation>
    </message>
    <message>
        <source>%1, in the span panel</source>
        <translation>%1, dans le panneau des annotations</translation>
    </message>
    <message>
        <source>%1 of a %2</source>
        <translation>%1 d’une annotation %2</translation>
    </message>
    <message>
        <source>Span attributes</source>
        <translation>Attributs des annotations</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Every key of the window and what it does, by where it works.</source>
        <translation>Chaque touche de la fenêtre et ce qu’elle fait, selon l’endroit où elle agit.</translation>
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
        <source>Enter, or a label&apos;s key, on a suggestion</source>
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
        <translation>La refuser&#xa0;: elle n’est plus proposée</translation>
    </message>
    <message>
        <source>L, on a claim, denial or amount</source>
        <translation>L, sur une affirmation, un démenti ou un montant</translation>
    </message>
    <message>
        <source>Link mode: show the spans it may be linked to</source>
        <translation>Mode lien&#xa0;: montrer les passages auxquels le relier</translation>
    </message>
    <message>
        <source>Link mode: Tab / Shift+Tab, arrows</source>
        <translation>Mode lien&#xa0;: Tab / Maj+Tab, flèches</translation>
    </message>
    <message>
        <source>Next / previous candidate, nearest first</source>
        <translation>Candidat suivant / précédent, le plus proche d’abord</translation>
    </message>
    <message>
        <source>Link mode: T, or 1-9 (0: all)</source>
        <translation>Mode lien&#xa0;: T, ou 1-9 (0&#xa0;: tous)</translation>
    </message>
    <message>
        <source>Choose the link type (said by, denies…)</source>
        <translation>Choisir le type de lien (dit par, dément…)</translation>
    </message>
    <message>
        <source>Link mode: Enter, or a click on a candidate</source>
        <translation>Mode lien&#xa0;: Entrée, ou un clic sur un candidat</translation>
    </message>
    <message>
        <source>Make the link (Escape: cancel)</source>
        <translation>Créer le lien (Échap&#xa0;: annuler)</translation>
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
    <message>
        <source>M, on a span</source>
        <translation>M, sur un passage</translation>
    </message>
    <message>
        <source>Write or edit your note on the span</source>
        <translation>Écrire ou modifier votre note sur le passage</translation>
    </message>
    <message>
        <source>Shift+M</source>
        <translation>Maj+M</translation>
    </message>
    <message>
        <source>Write or edit your note on the article</source>
        <translation>Écrire ou modifier votre note sur l’article</translation>
    </message>
</context>
<context>
    <name>SpanAttributes</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Clear %1 of “%2”</source>
        <translation>Effacer %1 de «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Set %1 of “%2” to %3</source>
        <translation>Mettre %1 de «&#xa0;%2&#xa0;» à %3</translation>
    </message>
    <message>
        <source>Attributes of this %1</source>
        <translation>Attributs de cette annotation (%1)</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>Span &amp;attributes</source>
        <translation>&amp;Attributs de l’annotation</translation>
    </message>
    <message>
        <source>Gold attributes of this %1</source>
        <translation>Attributs de référence de cette annotation (%1)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Accept the span to settle them.</source>
        <translation>Acceptez l’annotation pour les trancher.</translation>
    </message>
    <message>
        <source>This span&apos;s label has no attributes.</source>
        <translation>L’étiquette de cette annotation n’a pas d’attributs.</translation>
    </message>
</context>
<context>
    <name>SpanCommand</name>
    <message>
        <source>Tag “%1” as %2</source>
        <translation>Étiqueter «&#xa0;%1&#xa0;» comme %2</translation>
    </message>
    <message>
        <source>Remove %1 “%2”</source>
        <translation>Retirer %1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Relabel “%1” as %2</source>
        <translation>Changer «&#xa0;%1&#xa0;» en %2</translation>
    </message>
    <message>
        <source>Resize “%1”</source>
        <translation>Déplacer les bords de «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>SpanPanel</name>
    <message>
        <source>Spans in this article</source>
        <translation>Annotations de l’article</translation>
    </message>
    <message>
        <source>No spans yet. Select words in the article and press a label&apos;s key.</source>
        <translation>Aucune annotation. Sélectionnez des mots dans l’article et appuyez sur la touche d’une étiquette.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Not started</source>
        <translation>Pas commencé</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
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
        <translation>Accepter «&#xa0;%1&#xa0;» comme %2</translation>
    </message>
    <message>
        <source>Reject the suggestion “%1”</source>
        <translation>Refuser la suggestion «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Show &amp;suggestions</source>
        <translation>Afficher les &amp;suggestions</translation>
    </message>
    <message>
        <source>&amp;Accept all suggestions of one label…</source>
        <translation>Accepter &amp;toutes les suggestions d’une étiquette…</translation>
    </message>
    <message>
        <source>Correct the amount&apos;s &amp;value…</source>
        <translation>Corriger la &amp;valeur du montant…</translation>
    </message>
    <message>
        <source>Loading the spaCy model for suggestions…</source>
        <translation>Chargement du modèle spaCy pour les suggestions…</translation>
    </message>
    <message>
        <source>Model suggestions are off: %1</source>
        <translation>Suggestions du modèle désactivées&#xa0;: %1</translation>
    </message>
    <message>
        <source>No suggestions: %1</source>
        <translation>Pas de suggestions&#xa0;: %1</translation>
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
        <translation>%1 suggestions acceptées&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Accept all suggestions of:</source>
        <translation>Accepter toutes les suggestions de&#xa0;:</translation>
    </message>
    <message>
        <source>Select an amount first (Tab, or click it), then F2.</source>
        <translation>Sélectionnez d’abord un montant (Tab, ou un clic), puis F2.</translation>
    </message>
    <message>
        <source>Amount saved: %1</source>
        <translation>Montant enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Suggestion %1/%2: %3 “%4”%5. Enter accepts, X rejects, N goes on.</source>
        <translation>Suggestion %1/%2&#xa0;: %3 «&#xa0;%4&#xa0;»%5. Entrée accepte, X refuse, N passe à la suivante.</translation>
    </message>
    <message>
        <source>the project model, %1 % confident</source>
        <translation>le modèle du projet, sûr à %1 %</translation>
    </message>
    <message>
        <source>Suggested %1%2 (%3)</source>
        <translation>Suggestion&#xa0;: %1%2 (%3)</translation>
    </message>
    <message>
        <source>Click it, then Enter to accept or X to reject.</source>
        <translation>Cliquez dessus, puis Entrée pour accepter ou X pour refuser.</translation>
    </message>
</context>
<context>
    <name>TagOccurrences</name>
    <message>
        <source>Tag %1 occurrence of “%2”</source>
        <translation>Annoter %1 occurrence de «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Tag %1 occurrences of “%2”</source>
        <translation>Annoter %1 occurrences de «&#xa0;%2&#xa0;»</translation>
    </message>
</context>
<context>
    <name>TagOccurrencesDialog</name>
    <message>
        <source>Tag every hit of “%1”</source>
        <translation>Annoter chaque occurrence de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>A label&apos;s key tags the hit and goes to the next; Enter tags it with the label shown; Space or Delete skips it. Ctrl+Enter tags every hit decided so, in one step that Ctrl+Z undoes.</source>
        <translation>La touche d’une étiquette annote l’occurrence et passe à la suivante&#xa0;; Entrée l’annote avec l’étiquette affichée&#xa0;; Espace ou Suppr la passe. Ctrl+Entrée annote toutes les occurrences ainsi choisies, en une étape que Ctrl+Z annule.</translation>
    </message>
    <message>
        <source>&amp;Label for Enter:</source>
        <translation>&amp;Étiquette pour Entrée&#xa0;:</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Occurrence</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>passée</translation>
    </message>
    <message>
        <source>already %1</source>
        <translation>déjà %1</translation>
    </message>
    <message numerus="yes">
        <source>%n to tag</source>
        <translation>
            <numerusform>%n à annoter</numerusform>
            <numerusform>%n à annoter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n passée</numerusform>
            <numerusform>%n passées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already tagged</source>
        <translation>
            <numerusform>%n déjà annotée</numerusform>
            <numerusform>%n déjà annotées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left</source>
        <translation>
            <numerusform>%n restante</numerusform>
            <numerusform>%n restantes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainModelAction</name>
    <message>
        <source>&amp;Train the project model</source>
        <translation>&amp;Entraîner le modèle du projet</translation>
    </message>
    <message>
        <source>Training the project model…</source>
        <translation>Entraînement du modèle du projet…</translation>
    </message>
    <message>
        <source>Training cancelled; nothing was written.</source>
        <translation>Entraînement annulé ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Project model trained — articles: %1, F1 %2 exact, %3 overlap.</source>
        <translation>Modèle du projet entraîné — articles : %1, F1 %2 exact, %3 chevauchement.</translation>
    </message>
    <message>
        <source>Cannot train the project model</source>
        <translation>Impossible d’entraîner le modèle du projet</translation>
    </message>
</context>
<context>
    <name>UncertaintyOrderAction</name>
    <message>
        <source>Order articles by what &amp;teaches the model most</source>
        <translation>&amp;Trier les articles par ce qui apprend le plus au modèle</translation>
    </message>
    <message>
        <source>Lists first the articles the project model is least sure about: annotating them teaches it most.</source>
        <translation>Met en tête les articles dont le modèle du projet est le moins sûr&#xa0;: les annoter lui apprend le plus.</translation>
    </message>
    <message>
        <source>Needs spaCy to read the articles with the project model: pip install &apos;annotator[spacy]&apos;</source>
        <translation>Il faut spaCy pour lire les articles avec le modèle du projet&#xa0;: pip install &apos;annotator[spacy]&apos;</translation>
    </message>
    <message>
        <source>The project has no model yet: train one with Article → Train the project model.</source>
        <translation>Le projet n’a pas encore de modèle&#xa0;: entraînez-en un avec Article → Entraîner le modèle du projet.</translation>
    </message>
    <message>
        <source>Articles in the project&apos;s order.</source>
        <translation>Articles dans l’ordre du projet.</translation>
    </message>
    <message>
        <source>Measuring what the project model is unsure about…</source>
        <translation>Mesure des incertitudes du modèle du projet…</translation>
    </message>
    <message>
        <source>Measuring what the project model is unsure about: %1 of %2 articles…</source>
        <translation>Mesure des incertitudes du modèle du projet&#xa0;: %1 articles sur %2…</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) ordered by the project model&apos;s uncertainty, most unsure first.</source>
        <translation>
            <numerusform>%n article classé selon l’incertitude du modèle du projet, le plus incertain en tête.</numerusform>
            <numerusform>%n articles classés selon l’incertitude du modèle du projet, les plus incertains en tête.</numerusform>
        </translation>
    </message>
    <message>
        <source>The articles stay in the project&apos;s order: %1</source>
        <translation>Les articles restent dans l’ordre du projet&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir %1</translation>
    </message>
    <message>
        <source>%1 (in “%2”)</source>
        <translation>%1 (dans «&#xa0;%2&#xa0;»)</translation>
    </message>
</context>
<context>
    <name>WindowAccessibility</name>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>The article&apos;s text. Select words and press a label&apos;s key to tag them; Tab goes from span to span, Delete removes the selected one.</source>
        <translation>Le texte de l’article. Sélectionnez des mots et appuyez sur la touche d’une étiquette pour les annoter&#xa0;; Tab passe d’une annotation à l’autre, Suppr retire celle qui est sélectionnée.</translation>
    </message>
    <message>
        <source>Filter articles</source>
        <translation>Filtrer les articles</translation>
    </message>
    <message>
        <source>Shows only the articles whose title holds these words.</source>
        <translation>N’affiche que les articles dont le titre contient ces mots.</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par état</translation>
    </message>
    <message>
        <source>Shows only the articles in this state.</source>
        <translation>N’affiche que les articles dans cet état.</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>The project&apos;s articles; Enter opens one, arrows move between them.</source>
        <translation>Les articles du projet&#xa0;; Entrée en ouvre un, les flèches passent de l’un à l’autre.</translation>
    </message>
    <message>
        <source>Spans in this article</source>
        <translation>Annotations de l’article</translation>
    </message>
    <message>
        <source>The article&apos;s spans by label; choosing one shows it in the article.</source>
        <translation>Les annotations de l’article par étiquette&#xa0;; en choisir une la montre dans l’article.</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Links between spans, and the claims and denials left without one.</source>
        <translation>Les liens entre annotations, et les affirmations et démentis qui n’en ont pas.</translation>
    </message>
    <message>
        <source>Check every article</source>
        <translation>Vérifier tous les articles</translation>
    </message>
    <message>
        <source>Lists the missing links of every article, not only this one.</source>
        <translation>Liste les liens manquants de tous les articles, pas seulement de celui-ci.</translation>
    </message>
    <message>
        <source>Tags the selected words as %1.</source>
        <translation>Annote les mots sélectionnés comme %1.</translation>
    </message>
</context>
<context>
    <name>WindowSearch</name>
    <message>
        <source>Search e&amp;very article…</source>
        <translation>Chercher dans &amp;tous les articles…</translation>
    </message>
    <message>
        <source>Fi&amp;nd in this article…</source>
        <translation>Chercher dans cet a&amp;rticle…</translation>
    </message>
    <message>
        <source>Find the ne&amp;xt hit</source>
        <translation>Occurrence sui&amp;vante</translation>
    </message>
    <message>
        <source>Find the previous &amp;hit</source>
        <translation>Occurrence pr&amp;écédente</translation>
    </message>
    <message>
        <source>&amp;Tag every hit…</source>
        <translation>&amp;Annoter chaque occurrence…</translation>
    </message>
    <message>
        <source>Search first (Ctrl+Shift+F, or Ctrl+F in the article), then tag the hits.</source>
        <translation>Cherchez d’abord (Ctrl+Maj+F, ou Ctrl+F dans l’article), puis annotez les occurrences.</translation>
    </message>
</context>
</TS>
