package io.portevoix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portevoix.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The production start as an operator does it: an empty database, a single role that owns the
 * tables (so row-level security must be FORCEd to bind it), the bootstrap variables, no demo data.
 */
class FirstRunProvisioningIntegrationTests {

    static final String KEY = "bootstrap-key-0123456789-abcdefghij";

    @Test
    void anEmptyDatabaseIsProvisionedFromTheEnvironmentAndRowLevelSecurityBindsTheOwner() throws Exception {
        String database = TestDatabases.create("portevoix_boot", "portevoix_owner");
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PorteVoixApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                        "--spring.datasource.username=portevoix_owner", "--spring.datasource.password=portevoix_owner",
                        "--spring.liquibase.user=portevoix_owner", "--spring.liquibase.password=portevoix_owner",
                        "--spring.liquibase.parameters.appRole=portevoix_owner",
                        "--portevoix.tenancy.bootstrap.account=Club Provisionné",
                        "--portevoix.tenancy.bootstrap.admin-email=ops@club.example",
                        "--portevoix.tenancy.bootstrap.admin-password=a-long-admin-password",
                        "--portevoix.tenancy.bootstrap.api-key=" + KEY,
                        "--portevoix.tenancy.bootstrap.credits=500")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> credits = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/credits"))
                        .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(credits.statusCode()).isEqualTo(200);
                assertThat(credits.body()).isEqualTo("{\"balance\":500,\"reserved\":0}");
            });

            try (Connection owner = DriverManager.getConnection(TestDatabases.jdbcUrl(database), "portevoix_owner",
                    "portevoix_owner"); Statement statement = owner.createStatement()) {
                ResultSet none = statement.executeQuery("select count(*) from tenancy.account");
                none.next();
                assertThat(none.getLong(1)).as("the owner without an account setting sees no account").isZero();
                statement.execute("select set_config('portevoix.platform_admin', 'on', false)");
                ResultSet all = statement.executeQuery("select name from tenancy.account");
                assertThat(all.next()).isTrue();
                assertThat(all.getString(1)).isEqualTo("Club Provisionné");
                assertThat(all.next()).as("exactly one account, no demo data").isFalse();
            }
        } finally {
            // a second application context installs its own holder strategy; give the shared one back
            SecurityContextHolder.setContextHolderStrategy(shared);
            TestDatabases.drop(database);
        }
    }
}
