package io.portevoix.tenancy;

import java.time.Instant;

/** One uploaded branding image. */
public record BrandingImage(BrandingImageKind kind, String contentType, byte[] data, Instant updatedAt) {
}
