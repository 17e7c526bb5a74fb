package io.portevoix.templates.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Templates' settings: {@code publicUrl} is the base of the addresses written into e-mails (the
 * image library, the starters' images), {@code PORTEVOIX_PUBLIC_URL}.
 */
@ConfigurationProperties("portevoix.templates")
public record TemplatesSettings(String publicUrl) {

    public TemplatesSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }
}
