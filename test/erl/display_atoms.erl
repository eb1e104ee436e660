%% erlang:display/1 of atoms: which atoms are quoted and how.
-module(display_atoms).
-export([main/0]).

main() ->
    D = fun erlang:display/1,
    D(hello), D(a), D(z9), D(a_b), D('a@b'), D('hello world'), D('Abc'), D('_x'),
    D('[]'), D([]), D('if'), D('case'), D('end'), D('fun'), D('receive'),
    D('after'), D('catch'), D('try'), D('of'), D('when'), D('begin'), D('query'),
    D('and'), D('or'), D('not'), D('xor'), D('andalso'), D('orelse'), D('bnot'),
    D('band'), D('bor'), D('bxor'), D('bsl'), D('bsr'), D('div'), D('rem'),
    D('maybe'), D('else'), D(''), D('.'), D('+'), D('1a'), D('a.b'), D('a-b'),
    D('a\'b'), D('a\\b'), D('a"b'), D('\n'), D('\t'), D('tab\there'),
    D('é'), D('café'), D('Ünïcödé'), D('ok!'), D('{}'), D('-'), D('=:='),
    D(true), D(false), D(undefined), D(nonode@nohost), D('A'), D('_'),
    D('aB'), D('a1_@'), D('ÿ'), D('ß'), D('Ä'), D('x y z'),
    D([hello, 'Hello', 'hello world']), D({'if', 'X', x}),
    D(list_to_atom([955])), D(list_to_atom([8364, $a])),
    D(list_to_atom([$a, 0])), D(list_to_atom([127])), D(list_to_atom([160])),
    D(list_to_atom("with space")), D(list_to_atom("UPPER")).
