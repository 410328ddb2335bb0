package org.metrofabric.topology.generate;

/**
 * Shape of a generated fabric. Leaves are numbered access first, then edge-cloud, then
 * core-cloud; every leaf links to every spine.
 */
public record GeneratorSpec(String name, int spines, int accessLeaves, int edgeCloudLeaves, int coreCloudLeaves,
                            int hostsPerLeaf) {
    /** Host addresses are .10 to .254 of each leaf's /24. */
    public static final int MAX_HOSTS_PER_LEAF = 245;
    /** Node names must stay within 8 characters ("leaf999", "h999n244"). */
    public static final int MAX_LEAVES = 999;
    public static final int MAX_SPINES = 999;

    public GeneratorSpec {
        require(spines >= 1 && spines <= MAX_SPINES, "spines must be 1.." + MAX_SPINES + ", got " + spines);
        require(accessLeaves >= 0 && edgeCloudLeaves >= 0 && coreCloudLeaves >= 0, "leaf counts must be >= 0");
        int leaves = accessLeaves + edgeCloudLeaves + coreCloudLeaves;
        require(leaves >= 1 && leaves <= MAX_LEAVES, "leaves must be 1.." + MAX_LEAVES + ", got " + leaves);
        require(hostsPerLeaf >= 0 && hostsPerLeaf <= MAX_HOSTS_PER_LEAF,
                "hosts per leaf must be 0.." + MAX_HOSTS_PER_LEAF + ", got " + hostsPerLeaf);
    }

    public int leaves() {
        return accessLeaves + edgeCloudLeaves + coreCloudLeaves;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
