package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The import wizard: upload, preview, mapping, background progress, report and error report. */
class ImportBrowserTests extends BrowserTest {

    @Test
    void anAdministratorImportsAFileAndReadsTheReport() {
        long n = System.nanoTime();
        String csv = """
                Prénom;Nom;E-mail;Portable;Statut;Fin d'abonnement;Opt-in email
                Rose;Lambert;rose.lambert.%1$d@exemple.fr;06 11 22 33 44;Client;31/08/2027;Oui
                Paul;Girard;paul.girard.%1$d@exemple.fr;+33 6 55 44 33 22;Prospect;;Non
                Anne;Sans;pas-une-adresse;0612121212;Client;;Oui
                """.formatted(n);
        login("directrice@vitalis-lyon.demo");
        openNav("Contacts");
        page.locator("#import-contacts").click();
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload("adherents.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#import-shape")).containsText("3 lignes de données");
        assertThat(page.locator("vaadin-combo-box").first()).isVisible();
        page.locator("#import-preset-name input").fill("Export du logiciel " + n);
        page.locator("#import-preset-save").click();
        assertThat(page.locator("vaadin-notification-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("enregistrée")).first()).isVisible();
        shot("30-import-preview");

        page.locator("#start-import").click();
        assertThat(page.locator("#import-report")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
        assertThat(page.locator("#import-created")).hasText("2");
        assertThat(page.locator("#import-rejected")).hasText("1");
        assertThat(page.locator("#import-error-report")).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(Pattern.compile("pas-une-adresse"))).first()).isVisible();
        shot("31-import-report");

        openNav("Contacts");
        page.locator("#contacts-search input").fill("rose.lambert." + n);
        assertThat(page.locator("#contacts-total")).hasText("1 contacts");
    }
}
