package io.portevoix.campaigns;

import io.portevoix.templates.TemplateId;
import org.jspecify.annotations.Nullable;

/**
 * What a campaign sends. E-mail: a template or its own subject and HTML (merge tags allowed),
 * preheader, text alternative (generated from the HTML when absent), sender name and address, and
 * a reply-to address (none: replies go to the no-reply sender). SMS: the text and a sender ID.
 */
public record CampaignContent(String subject, String preheader, String html, String text,
        @Nullable TemplateId templateId, String fromName, String fromEmail, String replyTo, String senderId) {

    public static final CampaignContent EMPTY = new CampaignContent("", "", "", "", null, "", "", "", "");

    public CampaignContent {
        subject = clean(subject);
        preheader = clean(preheader);
        html = html == null ? "" : html;
        text = text == null ? "" : text;
        fromName = clean(fromName);
        fromEmail = clean(fromEmail);
        replyTo = clean(replyTo);
        senderId = clean(senderId);
    }

    private static String clean(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
