package org.liquide.generate.provenance;

import java.util.List;
import java.util.Set;

/**
 * What a licence says about commercial use (a paid exhibition, a commission, a sponsor's event), from a small
 * explicit table of the licences open image models use. Not legal advice: {@link #CHECK} for anything the table
 * does not know, and the model card is what counts.
 */
public enum LicenceUse {
    ALLOWED, FORBIDDEN, CHECK;

    /** Permissive, or OpenRAIL: commercial use allowed (OpenRAIL's use restrictions still apply). */
    private static final Set<String> COMMERCIAL = Set.of("apache-2.0", "mit", "bsd", "bsd-2-clause", "bsd-3-clause",
            "cc0-1.0", "cc-by-2.0", "cc-by-3.0", "cc-by-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0", "openrail", "openrail++",
            "creativeml-openrail-m", "bigscience-openrail-m", "bigcode-openrail-m", "unlicense", "isc", "artistic-2.0");
    /** Non-commercial licences, by id prefix or by the name an {@code other} licence gives. */
    private static final List<String> NON_COMMERCIAL_PREFIXES = List.of("cc-by-nc");
    private static final Set<String> NON_COMMERCIAL = Set.of("sai-nc-community", "stabilityai-nc-research-community",
            "stable-cascade-nc-community", "flux-1-dev-non-commercial-license", "deepfloyd-if-license");

    public static LicenceUse commercial(Licence licence) {
        String key = licence.key();
        if (NON_COMMERCIAL.contains(key) || NON_COMMERCIAL_PREFIXES.stream().anyMatch(key::startsWith)) {
            return FORBIDDEN;
        }
        return COMMERCIAL.contains(key) ? ALLOWED : CHECK;
    }
}
