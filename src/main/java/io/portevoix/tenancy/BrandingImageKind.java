package io.portevoix.tenancy;

/** The images of an account's branding. */
public enum BrandingImageKind {
    LOGO, HEADER_BANNER, FOOTER_BANNER
}
