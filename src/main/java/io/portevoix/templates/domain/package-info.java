/** Templates' domain: templates and their transitions, GSM 03.38 counting, merge-tag rules. Plain Java only. */
@NullMarked
package io.portevoix.templates.domain;

import org.jspecify.annotations.NullMarked;
