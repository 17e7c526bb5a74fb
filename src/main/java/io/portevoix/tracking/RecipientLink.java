package io.portevoix.tracking;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.shared.AccountId;

/**
 * What a verified token says: whose link it is, from which campaign and broadcast type, what for,
 * and for a click which of the campaign's links (0 otherwise).
 */
public record RecipientLink(LinkPurpose purpose, AccountId account, ContactId contact, CampaignId campaign,
        BroadcastType type, int link) {

    public RecipientLink(LinkPurpose purpose, AccountId account, ContactId contact, CampaignId campaign, BroadcastType type) {
        this(purpose, account, contact, campaign, type, 0);
    }
}
