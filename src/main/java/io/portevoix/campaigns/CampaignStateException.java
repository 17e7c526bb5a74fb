package io.portevoix.campaigns;

/** The campaign's status does not allow this (editing after approval, approving a draft, …): a 409. */
public final class CampaignStateException extends RuntimeException {

    public CampaignStateException(String message) {
        super(message);
    }
}
