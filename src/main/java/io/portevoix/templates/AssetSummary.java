package io.portevoix.templates;

import java.time.Instant;

/** An image of the account's library; {@code url} is its public address, usable in e-mails. */
public record AssetSummary(AssetId id, String fileName, String contentType, long size, int width, int height,
        String url, Instant createdAt) {
}
