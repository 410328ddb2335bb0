package org.metrofabric.pipeconf;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.onlab.packet.EthType;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.behaviour.NextGroup;
import org.onosproject.net.behaviour.Pipeliner;
import org.onosproject.net.behaviour.PipelinerContext;
import org.onosproject.net.driver.AbstractHandlerBehaviour;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.criteria.EthTypeCriterion;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.Instructions.OutputInstruction;
import org.onosproject.net.flowobjective.FilteringObjective;
import org.onosproject.net.flowobjective.ForwardingObjective;
import org.onosproject.net.flowobjective.NextObjective;
import org.onosproject.net.flowobjective.Objective;
import org.onosproject.net.flowobjective.ObjectiveError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flow objectives for metro.p4, only as far as ONOS's own services need them: the packet
 * requests of host discovery (ARP) and link discovery (LLDP, BDDP). metro.p4 punts exactly
 * those EtherTypes with const entries of its punt table, so such a request is already met and
 * nothing is written (a const table also refuses writes). Every other objective is refused with
 * {@link ObjectiveError#UNSUPPORTED}: the MetroFabric apps program the tables directly.
 */
public class MetroPipeliner extends AbstractHandlerBehaviour implements Pipeliner {

    /** The EtherTypes of the const entries of metro.p4's punt table. */
    private static final Set<EthType> BUILT_IN_PUNTS = ImmutableSet.of(
            EthType.EtherType.ARP.ethType(), EthType.EtherType.LLDP.ethType(), EthType.EtherType.BDDP.ethType());

    private final Logger log = LoggerFactory.getLogger(getClass());
    private DeviceId deviceId;

    @Override
    public void init(DeviceId deviceId, PipelinerContext context) {
        this.deviceId = deviceId;
    }

    @Override
    public void forward(ForwardingObjective objective) {
        Optional<String> refusal = refusalOf(objective);
        if (refusal.isPresent()) {
            log.warn("Device {}: unsupported forwarding objective {} from {}: {}",
                     deviceId, objective.id(), objective.appId(), refusal.get());
            fail(objective, ObjectiveError.UNSUPPORTED);
            return;
        }
        if (objective.op() == Objective.Operation.REMOVE) {
            log.info("Device {}: {} stays punted, it is built into metro.p4's punt table",
                     deviceId, objective.selector());
        } else {
            log.debug("Device {}: {} is punted by metro.p4's punt table", deviceId, objective.selector());
        }
        objective.context().ifPresent(context -> context.onSuccess(objective));
    }

    /** Why metro.p4 cannot satisfy the objective, or empty if its punt table already does. */
    private static Optional<String> refusalOf(ForwardingObjective objective) {
        if (objective.op() != Objective.Operation.ADD && objective.op() != Objective.Operation.REMOVE) {
            return Optional.of("operation " + objective.op() + " (only ADD and REMOVE of a punt are supported)");
        }
        if (objective.nextId() != null) {
            return Optional.of("next objectives are not supported (next id " + objective.nextId() + ")");
        }
        if (!isPunt(objective)) {
            return Optional.of("treatment " + objective.treatment() + " is not a punt to the controller");
        }
        Set<Criterion> criteria = objective.selector().criteria();
        Criterion ethType = objective.selector().getCriterion(Criterion.Type.ETH_TYPE);
        if (criteria.size() != 1 || ethType == null) {
            return Optional.of("selector " + objective.selector() + " is not an EtherType alone");
        }
        EthType type = ((EthTypeCriterion) ethType).ethType();
        if (!BUILT_IN_PUNTS.contains(type)) {
            return Optional.of("EtherType " + type + " is not punted by metro.p4 (only ARP, LLDP and BDDP are)");
        }
        return Optional.empty();
    }

    private static boolean isPunt(ForwardingObjective objective) {
        if (objective.treatment() == null) {
            return false;
        }
        List<Instruction> instructions = objective.treatment().allInstructions();
        return !instructions.isEmpty() && instructions.stream().allMatch(
                instruction -> instruction.type() == Instruction.Type.OUTPUT
                        && ((OutputInstruction) instruction).port().equals(PortNumber.CONTROLLER));
    }

    @Override
    public void filter(FilteringObjective objective) {
        log.warn("Device {}: filtering objectives are not supported by metro.p4 ({} from {})",
                 deviceId, objective.id(), objective.appId());
        fail(objective, ObjectiveError.UNSUPPORTED);
    }

    @Override
    public void next(NextObjective objective) {
        log.warn("Device {}: next objectives are not supported by metro.p4 ({} from {})",
                 deviceId, objective.id(), objective.appId());
        fail(objective, ObjectiveError.UNSUPPORTED);
    }

    /** Nothing to purge: this pipeliner never writes to the device. */
    @Override
    public void purgeAll(ApplicationId appId) {
        log.debug("Device {}: nothing to purge for {}", deviceId, appId);
    }

    @Override
    public List<String> getNextMappings(NextGroup nextGroup) {
        return ImmutableList.of();
    }

    private static void fail(Objective objective, ObjectiveError error) {
        objective.context().ifPresent(context -> context.onError(objective, error));
    }
}
