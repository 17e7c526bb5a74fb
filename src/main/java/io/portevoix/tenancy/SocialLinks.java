package io.portevoix.tenancy;

/**
 * Links to an account's pages elsewhere, offered to templates as merge tags and branding blocks.
 */
public record SocialLinks(String facebook, String instagram, String x, String linkedin, String youtube, String website) {

    public static final SocialLinks NONE = new SocialLinks("", "", "", "", "", "");

    public SocialLinks {
        facebook = clean(facebook);
        instagram = clean(instagram);
        x = clean(x);
        linkedin = clean(linkedin);
        youtube = clean(youtube);
        website = clean(website);
        for (String link : new String[] {facebook, instagram, x, linkedin, youtube, website}) {
            if (!link.isEmpty() && !link.startsWith("https://") && !link.startsWith("http://")) {
                throw new IllegalArgumentException("A link must start with https:// — " + link);
            }
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
