package io.portevoix.delivery.adapter.dns;

import io.portevoix.delivery.application.port.DnsRecords;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.springframework.stereotype.Component;

/**
 * TXT records from the system's DNS resolvers (or the server named by the {@code
 * java.naming.provider.url} system property, as for every JNDI DNS look-up): one second per try,
 * one retry.
 */
@Component
class JndiDnsRecords implements DnsRecords {

    @Override
    public List<String> txt(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "1000");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(name, new String[] {"TXT"});
            Attribute txt = attributes.get("TXT");
            List<String> values = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> all = txt.getAll();
                while (all.hasMore()) {
                    values.add(joined(String.valueOf(all.next())));
                }
            }
            return values;
        } catch (NameNotFoundException noSuchName) {
            return List.of();
        } catch (NamingException | RuntimeException e) {
            throw new DnsUnreachable("DNS did not answer for " + name + ": " + e.getMessage(), e);
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException ignored) {
                    // nothing is held open after a look-up
                }
            }
        }
    }

    /**
     * A TXT value as one string: JNDI gives a record of several strings separated by spaces, each
     * quoted when it holds a space or a quote ({@code "v=DKIM1; k=rsa; p=MIIB…" 4B2vQ…}).
     */
    static String joined(String value) {
        StringBuilder joined = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                for (i++; i < value.length() && value.charAt(i) != '"'; i++) {
                    if (value.charAt(i) == '\\' && i + 1 < value.length()) {
                        i++;
                    }
                    joined.append(value.charAt(i));
                }
                i++;
            } else {
                for (; i < value.length() && !Character.isWhitespace(value.charAt(i)); i++) {
                    joined.append(value.charAt(i));
                }
            }
        }
        return joined.toString();
    }
}
