package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The foundation's user journeys as the demo users: logins of different levels, the account
 * picker and switcher, the navigation, the settings screens, credits, the mail sandbox and the
 * language switch.
 */
class FoundationJourneyBrowserTests extends BrowserTest {

    @Test
    void aGuestSeesOnlyWhatTheyMayAndCannotEditSettings() {
        page.navigate(url("/"));
        page.waitForURL(u -> u.contains("/login"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
        shot("01-login");

        login("invite@vitalis-lyon.demo");
        assertThat(page.getByText("Bienvenue sur Vitalis Lyon")).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Utilisateurs"))).hasCount(0);
        assertThat(page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Clés d’API"))).hasCount(0);
        shot("02-guest-home");

        page.navigate(url("/settings/users"));
        assertThat(page.getByText("Bienvenue sur Vitalis Lyon").or(page.getByText("Could not navigate"))
                .or(page.getByText("introuvable"))).isVisible();
        assertThat(page.locator("#add-user")).hasCount(0);
    }

    @Test
    void aMemberOfSeveralAccountsPicksOneAndSwitches() {
        login("responsable@vitalis-bordeaux.demo");
        page.waitForURL(u -> u.contains("select-account"));
        assertThat(page.getByText("Choisissez un compte")).isVisible();
        shot("03-select-account");

        page.locator("vaadin-button.pv-account-choice").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Vitalis Lyon")).click();
        assertThat(page.getByText("Bienvenue sur Vitalis Lyon")).isVisible();
        assertThat(page.locator("vaadin-select.pv-account-switcher")).isVisible();
        shot("04-switched-to-lyon");

        page.locator("vaadin-select.pv-account-switcher").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Vitalis Bordeaux")).click();
        assertThat(page.getByText("Bienvenue sur Vitalis Bordeaux")).isVisible();
        openNav("Compte");
        assertThat(page.locator("#save-account")).isVisible();
        shot("05-bordeaux-account-settings");
    }

    @Test
    void anAdministratorWalksTheSettingsAndCreatesAnApiKey() {
        login("directrice@vitalis-lyon.demo");
        assertThat(page.getByText("Bienvenue sur Vitalis Lyon")).isVisible();

        openNav("Utilisateurs");
        assertThat(page.getByText("editeur@vitalis-lyon.demo")).isVisible();
        shot("06-users");

        page.locator("#add-user").click();
        assertThat(page.locator("#level-CONTACTS")).isVisible();
        shot("07-add-user-dialog");
        page.keyboard().press("Escape");

        openNav("Clés d’API");
        page.locator("#create-api-key").click();
        page.locator("#api-key-name input").fill("Logiciel de gestion " + System.nanoTime());
        page.locator("#confirm-create-api-key").click();
        assertThat(page.locator("#api-key-secret input")).hasValue(java.util.regex.Pattern.compile("pv_.{40,}"));
        shot("08-api-key-created");
        page.getByText("J’ai copié la clé").click();

        openNav("Journal d’audit");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("apikey.create")).first()).isVisible();
        shot("09-audit-log");

        openNav("Compte");
        assertThat(page.locator("#save-account")).isVisible();
        shot("10-account-settings");
        page.getByText("Sites").first().click();
        assertThat(page.getByText("Lyon Confluence")).isVisible();
        shot("11-account-sites");

        openNav("Crédits");
        assertThat(page.locator("#credits-balance")).isVisible();
        shot("12-credits");
    }

    @Test
    void thePlatformAdministratorGrantsCreditsAndSwitchesToEnglish() {
        login("admin@porte-voix.demo");
        openNav("Comptes (plateforme)");
        page.locator("vaadin-text-field input").first().fill("Vitalis");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Vitalis Bordeaux")).first()).isVisible();
        shot("13-platform-accounts");

        openNav("Crédits");
        String before = page.locator("#credits-balance").textContent();
        page.locator("#grant-credits").click();
        page.locator("#grant-account input").fill("Réseau Vitalis");
        page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Réseau Vitalis Forme")).first().click();
        page.locator("#grant-amount input").fill("250");
        shot("14-grant-credits");
        page.locator("#confirm-grant").click();
        assertThat(page.locator("#credits-balance")).not().hasText(before);
        shot("15-credits-granted");

        openNav("Utilisateurs");
        String newcomer = "benevole-" + System.nanoTime() + "@vitalis-forme.demo";
        page.locator("#add-user").click();
        page.locator("#new-user-email input").fill(newcomer);
        page.locator("#new-user-name input").fill("Jeanne Benoît");
        page.locator("#new-user-password input").fill("un-mot-de-passe-initial");
        page.locator("#confirm-add-user").click();
        assertThat(page.getByText(newcomer)).isVisible();

        openNav("Bac à sable");
        page.locator("vaadin-button.pv-open-message").first().click();
        assertThat(page.locator("iframe.pv-sandbox-frame")).isVisible();
        assertThat(page.frameLocator("iframe.pv-sandbox-frame").locator("body")).containsText("Jeanne Benoît");
        shot("15b-sandbox");

        page.locator("vaadin-menu-bar.pv-user-menu vaadin-menu-bar-button").first().click();
        page.locator("vaadin-menu-bar-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Langue")).click();
        page.locator("vaadin-menu-bar-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("English")).click();
        assertThat(page.getByText("Welcome to Réseau Vitalis Forme").or(page.locator("vaadin-side-nav-item")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Credits")))).isVisible();
        shot("16-english");
        assertThat(Files.exists(SCREENSHOTS.resolve("16-english.png"))).isTrue();
    }
}
