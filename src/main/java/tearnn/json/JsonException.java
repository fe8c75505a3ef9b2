package tearnn.json;

/** Malformed JSON, or JSON that does not have the shape a reader expects; the message says where. */
public class JsonException extends IllegalArgumentException {
    public JsonException(String message) {
        super(message);
    }
}
