package dev.trent.server.query;

/** One IAM or STS action: checks its members, does its work and writes its Result element's content. */
@FunctionalInterface
public interface QueryAction {

    /**
     * @throws QueryException with AWS's code and message when the request is refused
     */
    void run(QueryRequest request, QueryCaller caller, Xml result);
}
