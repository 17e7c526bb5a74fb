package io.portevoix.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Locator;
import java.util.regex.Pattern;
import io.portevoix.delivery.SmtpServers;
import io.portevoix.tenancy.SystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform administrator adds an SMTP server in Admin → SMTP servers (disabled, so that no
 * other test's mail goes through it), tests the connection against a live server, enables and
 * disables it from the row menu, tests it again once nothing listens on its port, then deletes it.
 */
class SmtpServersBrowserTests extends BrowserTest {

    @Autowired SmtpServers servers;

    @Test
    void theAdministratorAddsTestsTogglesAndDeletesAServer() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String name = "Relais " + System.nanoTime() % 100_000;
        try {
            login("admin@porte-voix.demo");
            openNav("Serveurs SMTP");
            page.locator("#add-smtp-server").click();
            page.locator("#smtp-name input").fill(name);
            page.locator("#smtp-host input").fill("127.0.0.1");
            page.locator("#smtp-security").click();
            page.locator("vaadin-select-item >> visible=true").filter(new Locator.FilterOptions().setHasText("Aucune")).click();
            // the port follows the security (25 without), then takes the server's own
            assertThat(page.locator("#smtp-port input")).hasValue("25");
            page.locator("#smtp-port input").fill(String.valueOf(smtp.getSmtp().getPort()));
            page.locator("#smtp-weight input").fill("3");
            page.locator("#smtp-enabled input").setChecked(false);
            shot("75-smtp-server-form");
            page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Enregistrer")).click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("Serveur " + name + " enregistré"))).isVisible();

            Locator row = page.locator("#smtp-servers vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(name));
            assertThat(row).isVisible();
            assertThat(page.locator("#smtp-servers vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText("127.0.0.1:" + smtp.getSmtp().getPort()))).isVisible();
            rowMenu(name, "Tester la connexion");
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("Connexion réussie à " + name))).isVisible();
            shot("76-smtp-servers");
            // enabled then disabled again at once (the menu offers the other action each time), while the server runs
            assertThat(state("Désactivé")).isVisible();
            rowMenu(name, "Activer");
            assertThat(state("Actif")).isVisible();
            rowMenu(name, "Désactiver");
            assertThat(state("Désactivé")).isVisible();
            rowMenu(name, "Activer");
            assertThat(state("Actif")).isVisible();

            rowMenu(name, "Désactiver");
            assertThat(state("Désactivé")).isVisible();
            smtp.stop();
            rowMenu(name, "Tester la connexion");
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile("Échec de la connexion à " + name + " : .+")))).isVisible();
            shot("77-smtp-server-test-failed");

            rowMenu(name, "Supprimer");
            page.locator("vaadin-confirm-dialog-overlay vaadin-button, vaadin-confirm-dialog vaadin-button")
                    .filter(new Locator.FilterOptions().setHasText("Supprimer")).last().click();
            assertThat(page.locator("vaadin-menu-bar[data-server='" + name + "'] >> visible=true")).hasCount(0);
            shot("78-smtp-server-deleted");
        } finally {
            smtp.stop();
            // never leave a server behind: the other tests' mail would go through it
            SystemActor.call("test", () -> {
                servers.all().stream().filter(s -> s.name().equals(name)).forEach(s -> servers.delete(s.id()));
                return null;
            });
        }
    }

    /** The state badge of the (only) server. */
    private Locator state(String text) {
        return page.locator("#smtp-servers vaadin-grid-cell-content span").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*" + text + "\\s*$")));
    }

    /** Clicks {@code item} in the row menu of the server named {@code name}. */
    private void rowMenu(String name, String item) {
        page.locator("vaadin-menu-bar[data-server='" + name + "'] vaadin-menu-bar-button").first().click();
        page.locator("vaadin-menu-bar-item >> visible=true").filter(new Locator.FilterOptions().setHasText(
                Pattern.compile("^\\s*" + item + "\\s*$"))).click();
    }
}
