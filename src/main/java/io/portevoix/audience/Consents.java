package io.portevoix.audience;

import java.util.EnumMap;
import java.util.Map;

/**
 * A member's current consents for INFORMATIVE and MARKETING messages per channel; LEGAL is
 * always allowed. New members default to informative yes, marketing no (opt-in).
 */
public record Consents(boolean emailInformative, boolean emailMarketing, boolean smsInformative, boolean smsMarketing) {

    public static final Consents DEFAULTS = new Consents(true, false, true, false);

    public boolean allows(Channel channel, BroadcastType type) {
        return switch (type) {
            case LEGAL -> true;
            case INFORMATIVE -> channel == Channel.EMAIL ? emailInformative : smsInformative;
            case MARKETING -> channel == Channel.EMAIL ? emailMarketing : smsMarketing;
        };
    }

    public Consents with(Channel channel, BroadcastType type, boolean granted) {
        if (type == BroadcastType.LEGAL) {
            return this;
        }
        boolean email = channel == Channel.EMAIL;
        boolean informative = type == BroadcastType.INFORMATIVE;
        return new Consents(email && informative ? granted : emailInformative,
                email && !informative ? granted : emailMarketing,
                !email && informative ? granted : smsInformative,
                !email && !informative ? granted : smsMarketing);
    }

    /** As the API shows them: {@code {"EMAIL":{"LEGAL":true,"INFORMATIVE":…,"MARKETING":…},"SMS":{…}}}. */
    public Map<Channel, Map<BroadcastType, Boolean>> asMap() {
        Map<Channel, Map<BroadcastType, Boolean>> map = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Map<BroadcastType, Boolean> types = new EnumMap<>(BroadcastType.class);
            for (BroadcastType type : BroadcastType.values()) {
                types.put(type, allows(channel, type));
            }
            map.put(channel, types);
        }
        return map;
    }
}
