package io.portevoix.campaigns.spi;

import java.util.UUID;

/** An enabled SMTP server of the installation, which an e-mail campaign may be restricted to. */
public record MailServerChoice(UUID id, String name) {
}
