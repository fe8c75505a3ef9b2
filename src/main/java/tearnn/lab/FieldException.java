package tearnn.lab;

/** A bad setting or input; {@code field} names the control it came from, the message says what is wrong. */
final class FieldException extends IllegalArgumentException {
    final String field;

    FieldException(String field, String message) {
        super(message);
        this.field = field;
    }
}
