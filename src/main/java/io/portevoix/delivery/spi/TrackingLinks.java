package io.portevoix.delivery.spi;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.templates.RecipientLinks;

/** The signed links of one recipient of one campaign, in the current account. */
public interface TrackingLinks {

    /** What {@code {{ unsubscribeUrl }}}, {@code {{ preferencesUrl }}} and {@code {{ webVersionUrl }}} print. */
    RecipientLinks links(CampaignId campaign, ContactId contact, BroadcastType type);

    /**
     * The HTML as sent: every http(s) link rewritten to a signed redirect of this recipient (the
     * destination is never readable in it) and an open pixel added.
     */
    String track(String html, CampaignId campaign, ContactId contact);

    /**
     * The campaign's HTML with its links found once, for {@link #track} and {@link #trackText}
     * of every recipient without parsing each message (same result).
     */
    PreparedLinks prepare(CampaignId campaign, String html);

    /**
     * The plain-text part as sent: every bare http(s) URL rewritten to the same signed redirect as the
     * same link of the HTML part (so the clicks of both parts count for one link); the rest unchanged.
     */
    String trackText(String text, CampaignId campaign, ContactId contact);

    /**
     * SMS texts as sent: every http(s) link of each text replaced by a signed short link of its
     * recipient ({@code /s/<code>}), which redirects and counts the click; in the order given.
     */
    java.util.List<String> shortenSms(CampaignId campaign, java.util.List<ContactId> contacts, java.util.List<String> texts);

    /** The text with its links replaced by short links as long as the real ones, to count an SMS before it is sent. */
    String previewSms(String text);

    /** The https target of {@code List-Unsubscribe}, which answers the RFC 8058 one-click POST. */
    String oneClickUnsubscribe(CampaignId campaign, ContactId contact, BroadcastType type);

    /**
     * A mail to the mailto {@code List-Unsubscribe} address: withdraws the member's e-mail consent
     * for the campaign's broadcast type exactly as the one-click link does (committed before it
     * returns, counted as an unsubscribe of the campaign); false when the member is gone or the
     * type is LEGAL.
     */
    boolean unsubscribe(CampaignId campaign, ContactId contact, BroadcastType type);
}
