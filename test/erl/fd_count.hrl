%% The number of open descriptors of the runtime under test, and that number
%% once closed descriptors have gone (two equal readings 20 ms apart, at most
%% N + 1 readings): closing may finish on another thread.
fds() -> {ok, L} = file:list_dir("/proc/self/fd"), length(L).

settled(F, 0) -> F;
settled(F, N) ->
    timer:sleep(20),
    case fds() of
        F -> F;
        G -> settled(G, N - 1)
    end.
