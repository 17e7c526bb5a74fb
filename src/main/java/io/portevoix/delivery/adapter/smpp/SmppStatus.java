package io.portevoix.delivery.adapter.smpp;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.jsmpp.SMPPConstant;

/** Names of SMPP command_status values ({@code ESME_RTHROTTLED}, …) for outcome reasons and logs. */
final class SmppStatus {

    private static final Map<Integer, String> NAMES = names();

    private SmppStatus() {
    }

    /** For example {@code ESME_RINVDSTADR (0x0000000B)}; an operator-specific value as its hex code alone. */
    static String name(int status) {
        String hex = "0x%08X".formatted(status);
        String name = NAMES.get(status);
        return name == null ? "command_status " + hex : name + " (" + hex + ")";
    }

    private static Map<Integer, String> names() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : SMPPConstant.class.getFields()) {
            if (field.getName().startsWith("STAT_ESME_") && field.getType() == int.class
                    && Modifier.isStatic(field.getModifiers())) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName().substring("STAT_".length()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(names);
    }
}
