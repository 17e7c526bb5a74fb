package io.portevoix.audience.spi;

import java.util.Map;

/** The campaigns of the current account that have sent something, for behaviour criteria (campaigns implements it). */
public interface CampaignDirectory {

    /** Campaign id → name, the most recent first. */
    Map<String, String> sentCampaigns();
}
