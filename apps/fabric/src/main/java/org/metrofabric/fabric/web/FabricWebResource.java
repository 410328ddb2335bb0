package org.metrofabric.fabric.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.metrofabric.fabric.api.FabricAdminService;
import org.metrofabric.fabric.api.IntentRejectedException;
import org.metrofabric.fabric.api.IntentStatus;
import org.metrofabric.fabric.api.IntentSyntaxException;
import org.metrofabric.fabric.api.PathIntent;
import org.metrofabric.fabric.api.PathIntentParser;
import org.onosproject.rest.AbstractWebResource;

/**
 * Path intents and the fabric view as JSON. POST /paths takes
 * {@code {"name", "from", "to", "latencyUs"?, "bandwidthMbps"?}} (numbers or strings, read by
 * the one intent parser); bad input is 400 {@code {"field", "reason"}}, a rejected intent 409
 * {@code {"name", "constraint", "amount", "reason"}}, and neither changes anything.
 */
@Path("")
public class FabricWebResource extends AbstractWebResource {
    static final String BODY = "body";
    private static final Set<String> FIELDS = Set.of("name", "from", "to", "latencyUs", "bandwidthMbps");

    private final FabricAdminService admin;

    /** Jersey's constructor: the service comes from ONOS. */
    public FabricWebResource() {
        this(null);
    }

    FabricWebResource(FabricAdminService admin) {
        this.admin = admin;
    }

    private FabricAdminService admin() {
        return admin != null ? admin : get(FabricAdminService.class);
    }

    @GET
    @Path("paths")
    @Produces(MediaType.APPLICATION_JSON)
    public Response paths() {
        ObjectNode root = mapper().createObjectNode();
        ArrayNode paths = root.putArray("paths");
        for (IntentStatus status : admin().intents()) {
            paths.add(FabricJson.intent(mapper(), status));
        }
        return Response.ok(root).build();
    }

    @GET
    @Path("paths/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response path(@PathParam("name") String name) {
        Optional<IntentStatus> status = admin().intent(name);
        if (status.isEmpty()) {
            return notFound(name);
        }
        return Response.ok(FabricJson.intent(mapper(), status.get())).build();
    }

    @POST
    @Path("paths")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response addPath(InputStream body) {
        try {
            PathIntent intent = parse(body);
            IntentStatus status = admin().addIntent(intent);
            return Response.status(Response.Status.CREATED).entity(FabricJson.intent(mapper(), status)).build();
        } catch (IntentSyntaxException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(FabricJson.fieldError(mapper(), e.field(), e.reason())).build();
        } catch (IntentRejectedException e) {
            return Response.status(Response.Status.CONFLICT).entity(FabricJson.rejection(mapper(), e)).build();
        }
    }

    @DELETE
    @Path("paths/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response removePath(@PathParam("name") String name) {
        return admin().removeIntent(name) ? Response.noContent().build() : notFound(name);
    }

    @GET
    @Path("fabric")
    @Produces(MediaType.APPLICATION_JSON)
    public Response fabric() {
        return Response.ok(FabricJson.fabric(mapper(), admin().fabric())).build();
    }

    private Response notFound(String name) {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(FabricJson.fieldError(mapper(), PathIntentParser.FIELD_NAME, "no intent named " + name)).build();
    }

    private PathIntent parse(InputStream body) {
        JsonNode json;
        try {
            json = mapper().readTree(body);
        } catch (IOException e) {
            throw new IntentSyntaxException(BODY, "not JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IntentSyntaxException(BODY, "must be a JSON object with name, from and to");
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IntentSyntaxException(field, "unknown field; expected name, from, to, latencyUs, bandwidthMbps");
            }
        }
        return PathIntentParser.parse(text(json, "name"), text(json, "from"), text(json, "to"),
                text(json, "latencyUs"), text(json, "bandwidthMbps"));
    }

    /** A field as the parser reads it: numbers and strings alike as text; absent as null. */
    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IntentSyntaxException(field, "must be a string or a number");
        }
        return value.asText();
    }
}
