package io.portevoix.templates.application;

import io.portevoix.templates.BrandingBlock;
import io.portevoix.tenancy.AccountDetails;
import io.portevoix.tenancy.BrandingImageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The account's own blocks for the editor: logo, header and footer banners (when uploaded in
 * Settings → Account), social links (those the account filled in) and the legal footer.
 */
final class BrandingBlocks {

    private BrandingBlocks() {
    }

    static List<BrandingBlock> of(AccountDetails account, String publicUrl) {
        boolean french = !"en".equals(account.locale().getLanguage());
        List<BrandingBlock> blocks = new ArrayList<>();
        String base = publicUrl + "/public/branding/" + account.id() + "/";
        String name = escape(account.name());
        if (account.brandingImages().contains(BrandingImageKind.LOGO)) {
            blocks.add(new BrandingBlock("logo", section("<img src=\"" + base + "logo\" alt=\"" + name + "\" width=\"160\" height=\"48\" "
                            + "style=\"display:block;border:0;margin:0 auto;height:auto;max-width:160px\">", "center")));
        }
        if (account.brandingImages().contains(BrandingImageKind.HEADER_BANNER)) {
            blocks.add(new BrandingBlock("header-banner", section("<img src=\"" + base + "header-banner\" alt=\"" + name + "\" width=\"600\" height=\"150\" "
                            + "style=\"display:block;border:0;width:100%;max-width:600px;height:auto\">", "center")));
        }
        if (account.brandingImages().contains(BrandingImageKind.FOOTER_BANNER)) {
            blocks.add(new BrandingBlock("footer-banner", section("<img src=\"" + base + "footer-banner\" alt=\"" + name + "\" width=\"600\" height=\"100\" "
                            + "style=\"display:block;border:0;width:100%;max-width:600px;height:auto\">", "center")));
        }
        StringBuilder social = new StringBuilder();
        var links = account.social();
        for (var link : List.of(Map.entry("Facebook", links.facebook()), Map.entry("Instagram", links.instagram()),
                Map.entry("X", links.x()), Map.entry("LinkedIn", links.linkedin()), Map.entry("YouTube", links.youtube()),
                Map.entry(french ? "Site web" : "Website", links.website()))) {
            if (!link.getValue().isEmpty()) {
                social.append(social.isEmpty() ? "" : " · ").append("<a href=\"").append(escape(link.getValue()))
                        .append("\" style=\"color:#1a56db;text-decoration:underline\">").append(escape(link.getKey()))
                        .append("</a>");
            }
        }
        if (!social.isEmpty()) {
            blocks.add(new BrandingBlock("social", section("<p style=\"margin:0;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;"
                            + "color:#374151\">" + (french ? "Suivez-nous :" : "Follow us:") + " " + social + "</p>",
                            "center")));
        }
        blocks.add(new BrandingBlock("legal-footer", legalFooter(account.locale())));
        return blocks;
    }

    private static String section(String content, String align) {
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>"
                + "<td align=\"" + align + "\" style=\"padding:16px 24px\">" + content + "</td></tr></table>";
    }

    private static String legalFooter(Locale locale) {
        boolean french = !"en".equals(locale.getLanguage());
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                + "style=\"background-color:#f3f4f6\"><tr><td align=\"center\" style=\"padding:16px 24px;"
                + "font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:18px;color:#4b5563\">"
                + "{{ account.name }} · {{ account.address }}<br>"
                + "<a href=\"{{ unsubscribeUrl }}\" style=\"color:#374151;text-decoration:underline\">"
                + (french ? "Se désinscrire" : "Unsubscribe") + "</a> · <a href=\"{{ preferencesUrl }}\" "
                + "style=\"color:#374151;text-decoration:underline\">"
                + (french ? "Gérer mes préférences" : "Manage my preferences") + "</a></td></tr></table>";
    }

    private static String escape(String text) {
        return MergeValues.escape(text);
    }
}
