package io.portevoix.templates;

/** An image's bytes, served publicly to recipients' mail clients. */
public record ImageAsset(AssetId id, String contentType, String sha256, byte[] content) {
}
