package io.portevoix.tracking.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tracking's configuration: the public base URL written into recipient links
 * ({@code PORTEVOIX_PUBLIC_URL}) and the key material they are signed with ({@code PORTEVOIX_SECRET},
 * at least 32 characters; without it the installation keeps a random secret of its own).
 */
@ConfigurationProperties("portevoix.tracking")
public record TrackingSettings(String publicUrl, String secret) {

    public TrackingSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip().replaceAll("/+$", "");
        secret = secret == null ? "" : secret.strip();
    }
}
