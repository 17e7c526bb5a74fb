package io.portevoix.campaigns;

/** Where a campaign stands; only a DRAFT can be edited or deleted. */
public enum CampaignStatus {
    DRAFT, PENDING_APPROVAL, SCHEDULED, SENDING, SUSPENDED, SENT, CANCELLED, ARCHIVED
}
