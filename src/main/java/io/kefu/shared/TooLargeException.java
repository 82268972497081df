package io.kefu.shared;

/** Input larger than Kefu accepts (an attached file over the limit): answered 413, naming the field. */
public class TooLargeException extends InvalidInputException {

    public TooLargeException(String field, String message) {
        super(java.util.Map.of(field, message));
    }
}
