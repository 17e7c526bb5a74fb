package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The contacts screens as the demo club users: list, search, a member's page, edits and consents. */
class ContactsBrowserTests extends BrowserTest {

    @Test
    void anAdministratorSearchesOpensAndEditsAMember() {
        login("directrice@vitalis-lyon.demo");
        openNav("Contacts");
        assertThat(page.locator("#contacts-total")).hasText(Pattern.compile("\\d+ contacts"));
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("@vitalis-lyon.exemple.fr")).first())
                .isVisible();
        shot("20-contacts");

        page.locator("#contacts-search input").fill("martin");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^MARTIN "))).first()).isVisible();
        shot("21-contacts-search");

        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^MARTIN "))).first().dblclick();
        assertThat(page.locator("#contact-name")).containsText("Martin");
        shot("22-contact-profile");

        Locator mobile = page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Mobile"))
                .locator("input");
        mobile.fill("12");
        page.locator("#save-contact").click();
        assertThat(page.getByText("Numéro de téléphone invalide")).isVisible();
        shot("23-contact-invalid-mobile");
        mobile.fill("06 98 76 54 32");
        page.locator("#save-contact").click();
        assertThat(page.getByText("Fiche enregistrée")).isVisible();
        assertThat(page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("Mobile"))
                .locator("input")).hasValue("+33698765432");
        page.locator("#attribute-niveau input").fill("Confirmé");
        page.locator("vaadin-combo-box-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Confirmé")).click();
        boolean volunteer = page.locator("#attribute-benevole input").isChecked();
        page.locator("#attribute-benevole input").click();
        page.locator("#save-contact").click();
        assertThat(page.locator("#attribute-niveau input")).hasValue("Confirmé");
        assertThat(page.locator("#attribute-benevole input")).isChecked(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsCheckedOptions().setChecked(!volunteer));
        shot("23-contact-custom-fields");

        page.getByText("Consentements").first().click();
        Locator smsMarketing = page.locator("#consent-SMS-MARKETING input");
        boolean before = smsMarketing.isChecked();
        page.locator("#consent-SMS-MARKETING").click();
        page.locator("#save-consents").click();
        assertThat(page.getByText("Fiche enregistrée").first()).isVisible();
        assertThat(page.locator("#consent-SMS-MARKETING input")).isChecked(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsCheckedOptions().setChecked(!before));
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("directrice@vitalis-lyon.demo")).first()).isVisible();
        shot("24-contact-consents");

        page.getByText("Communication").first().click();
        // the member's history, or its empty state when no campaign has reached them yet
        assertThat(page.locator("#contact-messages, .pv-empty-state").first()).isVisible();
        page.getByText("Chronologie").first().click();
        assertThat(page.getByText("Fiche créée")).isVisible();
        shot("25-contact-timeline");

        openNav("Liste repoussoir");
        String address = "npai-" + System.nanoTime() + "@exemple.fr";
        page.locator("#suppression-address input").fill(address);
        page.locator("#add-suppression").click();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(address))
                .first()).isVisible();
        shot("27-suppression-list");

        openNav("Contacts (paramètres)");
        assertThat(page.locator("#uniqueness-key")).containsText("Adresse e-mail");
        assertThat(page.locator("#save-uniqueness-key")).isVisible();
        assertThat(page.locator("#attribute-definitions")).containsText("Certificat médical valable jusqu’au");
        String label = "Taille de maillot " + System.nanoTime() % 100_000;
        page.locator("#add-attribute").click();
        page.locator("#attribute-label input").fill(label);
        assertThat(page.locator("#attribute-key input")).hasValue(Pattern.compile("^tailleDeMaillot\\d+$"));
        page.locator("#attribute-type").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Liste de choix")).click();
        page.locator("#attribute-choices textarea").fill("S\nM\nL\nXL");
        shot("28-contact-settings-new-field");
        page.locator("#save-attribute").click();
        assertThat(page.locator("#attribute-definitions")).containsText(label);
        assertThat(page.locator("#attribute-definitions")).containsText("S, M, L, XL");
        shot("28-contact-settings");
    }

    @Test
    void aGuestReadsMembersButCannotChangeThem() {
        login("invite@vitalis-lyon.demo");
        openNav("Contacts");
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("@vitalis-lyon.exemple.fr")).first().dblclick();
        assertThat(page.locator("#contact-name")).isVisible();
        assertThat(page.locator("#save-contact")).isHidden();
        shot("26-contact-guest");
    }
}
