package io.portevoix.tenancy.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tenancy's configuration: the first-run provisioning variables ({@code PORTEVOIX_BOOTSTRAP_*}).
 */
@ConfigurationProperties("portevoix.tenancy")
public record TenancySettings(Bootstrap bootstrap) {

    public TenancySettings {
        bootstrap = bootstrap == null ? new Bootstrap("", "", "", "", 0) : bootstrap;
    }

    public record Bootstrap(String account, String adminEmail, String adminPassword, String apiKey, long credits) {

        public Bootstrap {
            account = account == null ? "" : account.strip();
            adminEmail = adminEmail == null ? "" : adminEmail.strip();
            adminPassword = adminPassword == null ? "" : adminPassword;
            apiKey = apiKey == null ? "" : apiKey.strip();
        }

        boolean requested() {
            return !account.isEmpty() && !adminEmail.isEmpty() && !adminPassword.isEmpty();
        }
    }
}
