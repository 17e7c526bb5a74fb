package io.portevoix.tracking;

import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.ContactId;
import io.portevoix.campaigns.CampaignId;
import io.portevoix.shared.AccountId;

/** What a verified token says: whose link it is, from which campaign and broadcast type, and what for. */
public record RecipientLink(LinkPurpose purpose, AccountId account, ContactId contact, CampaignId campaign,
        BroadcastType type) {
}
