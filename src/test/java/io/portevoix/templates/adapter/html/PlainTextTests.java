package io.portevoix.templates.adapter.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

    private final JsoupHtmlDocuments documents = new JsoupHtmlDocuments();

    @Test
    void paragraphsAndHeadingsAreSeparatedByABlankLineOtherBlocksByALineBreak() {
        String text = documents.plainText("<h1>Assemblée générale</h1><p>Samedi à 10 h.</p><div>Club-house</div>"
                + "<div>12 rue des Courts<br>Montreuil</div><table><tr><td>Date</td><td>29 mars</td></tr>"
                + "<tr><td>Lieu</td><td>Club-house</td></tr></table>");

        assertThat(text).isEqualTo("""
                Assemblée générale

                Samedi à 10 h.

                Club-house
                12 rue des Courts
                Montreuil
                Date 29 mars
                Lieu Club-house""");
    }

    @Test
    void listItemsGetADash() {
        assertThat(documents.plainText("<p>Tarifs :</p><ul><li>Adulte : 210 €</li><li> Jeune : 165 € </li></ul><p>Merci</p>"))
                .isEqualTo("Tarifs :\n\n- Adulte : 210 €\n- Jeune : 165 €\n\nMerci");
    }

    @Test
    void linksBecomeTheirTextAndUrl() {
        assertThat(documents.plainText("<p><a href=\"https://club.fr/agenda\">L'agenda</a></p>"))
                .isEqualTo("L'agenda (https://club.fr/agenda)");
        assertThat(documents.plainText("<p><a href=\"https://club.fr/\">https://club.fr/</a> ou "
                + "<a href=\"https://club.fr/\">club.fr</a></p>"))
                .isEqualTo("https://club.fr/ ou https://club.fr/");
        assertThat(documents.plainText("<p><a href=\"mailto:bureau@club.fr\">bureau@club.fr</a>, "
                + "<a href=\"mailto:bureau@club.fr\">écrivez-nous</a></p>"))
                .isEqualTo("bureau@club.fr, écrivez-nous (bureau@club.fr)");
        assertThat(documents.plainText("<p><a href=\"{{ unsubscribeUrl }}\">Se désabonner</a> <a href=\"#haut\">Haut</a></p>"))
                .isEqualTo("Se désabonner ({{ unsubscribeUrl }}) Haut");
    }

    @Test
    void imagesGiveTheirAltTextOrNothing() {
        assertThat(documents.plainText("<p><img src=\"logo.png\" alt=\"Club de judo\"> <img src=\"sep.png\" alt=\"\">"
                + "<img src=\"x.png\"> Bienvenue</p>"
                + "<p><a href=\"https://club.fr/boutique\"><img src=\"b.png\" alt=\"La boutique\"></a></p>"))
                .isEqualTo("[Club de judo] Bienvenue\n\n[La boutique] (https://club.fr/boutique)");
    }

    @Test
    void theHeadStylesCommentsAndHiddenPreheaderGiveNothing() {
        String html = "<html><head><title>Titre</title><style>p{color:red}</style></head><body>"
                + "<div style=\"display: none !important\">Préheader</div><!--[if mso]><p>Outlook</p><![endif]-->"
                + "<!--[if !mso]><!--><p>Les autres</p><!--<![endif]--><p>Contenu</p></body></html>";

        assertThat(documents.plainText(html)).isEqualTo("Les autres\n\nContenu");
    }

    @Test
    void collapsesWhitespaceAndKeepsAtMostOneBlankLine() {
        assertThat(documents.plainText("<p>  Un&nbsp;&nbsp;texte \n\t espacé </p><p></p><br><br><br><p>Fin</p>"))
                .isEqualTo("Un texte espacé\n\nFin");
    }

    @Test
    void givesTheTextOfARealisticEmail() {
        assertThat(documents.plainText(Fixtures.read("checks", "clean-renewal-reminder.html"))).isEqualTo("""
                [US Bagnolet Natation]

                Bonjour {{ contact.firstName }},

                Votre licence de la saison 2025-2026 arrive à échéance le 31 août. Pour continuer à nager avec nous dès la rentrée, pensez à renouveler votre adhésion avant le 15 septembre.

                {% if contact.status == "CLIENT" %}

                Comme vous êtes déjà adhérent, le certificat médical de l'an dernier reste valable : il suffit de remplir le questionnaire de santé.

                {% endif %}

                - Cotisation adulte : 210 €
                - Cotisation jeune (moins de 18 ans) : 165 €
                - Paiement possible en trois fois, chèques-vacances acceptés

                Renouveler ma licence (https://usb-natation.fr/adhesion?licence={{ contact.licenceNumber }})
                Une question ? Le secrétariat répond du lundi au vendredi au 01 48 00 00 00 (+33148000000) ou à secretariat@usb-natation.fr.

                US Bagnolet Natation · Piscine Jean-Lagarde, 93170 Bagnolet · Ne plus recevoir ces rappels ({{ unsubscribeUrl }})""");
    }
}
