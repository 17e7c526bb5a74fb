/**
 * Merge tags in Liquid, with liqp (nl.big-o:liqp). Liquid is what users of Shopify, Mailchimp's
 * successors and Brevo already write ({@code {{ contact.firstName | default: "adhérent" }}},
 * {@code {% if %}}); liqp is the maintained Java implementation, parses to an ANTLR tree once (the
 * parsed template is immutable and renders from any thread) and lets us walk that tree to check
 * every tag at save time. File includes are disabled: a template cannot read the server's disk.
 */
@NullMarked
@SecondaryAdapter
package io.portevoix.templates.adapter.liquid;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
