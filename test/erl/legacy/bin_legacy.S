%% bin_legacy.erl written in the instructions of compilers before OTP 22.
{module, bin_legacy}.
{exports, [{alt,1},{alt2,1},{build,2},{byte1,1},{count,2},{ints,1},{module_info,0},{module_info,1},{skip1,1},{tail3,1}]}.
{attributes, []}.
{labels, 42}.

{function, ints, 1, 2}.
  {label,1}.
    {func_info,{atom,bin_legacy},{atom,ints},1}.
  {label,2}.
    {test,bs_start_match2,{f,3},1,[{x,0},0],{x,0}}.
    {test,bs_get_integer2,{f,3},1,[{x,0},{integer,4},1,{field_flags,[unsigned,big]}],{x,1}}.
    {test,bs_get_integer2,{f,3},2,[{x,0},{integer,12},1,{field_flags,[unsigned,little]}],{x,2}}.
    {test,bs_get_integer2,{f,3},3,[{x,0},{integer,8},1,{field_flags,[signed,big]}],{x,3}}.
    {test,bs_get_binary2,{f,3},4,[{x,0},{atom,all},1,{field_flags,[unsigned,big]}],{x,4}}.
    {test_heap,5,5}.
    {put_tuple2,{x,0},{list,[{x,1},{x,2},{x,3},{x,4}]}}.
    return.
  {label,3}.
    {bs_context_to_binary,{x,0}}.
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{atom,nomatch},{x,0}]}}.
    return.

{function, alt, 1, 5}.
  {label,4}.
    {func_info,{atom,bin_legacy},{atom,alt},1}.
  {label,5}.
    {test,bs_start_match2,{f,9},1,[{x,0},1],{x,0}}.
    {test,bs_get_integer2,{f,9},1,[{x,0},{integer,8},1,{field_flags,[unsigned,big]}],{x,1}}.
    {bs_save2,{x,0},0}.
    {select_val,{x,1},{f,8},{list,[{integer,1},{f,7},{integer,2},{f,6}]}}.
  {label,6}.
    {test,bs_get_integer2,{f,8},1,[{x,0},{integer,16},1,{field_flags,[unsigned,little]}],{x,1}}.
    {test,bs_test_tail2,{f,8},[{x,0},0]}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{atom,two},{x,1}]}}.
    return.
  {label,7}.
    {test,bs_get_integer2,{f,8},1,[{x,0},{integer,8},1,{field_flags,[unsigned,big]}],{x,1}}.
    {test,bs_test_tail2,{f,8},[{x,0},0]}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{atom,one},{x,1}]}}.
    return.
  {label,8}.
    {bs_restore2,{x,0},0}.
    {test,bs_get_binary2,{f,9},1,[{x,0},{atom,all},8,{field_flags,[unsigned,big]}],{x,1}}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{atom,other},{x,1}]}}.
    return.
  {label,9}.
    {bs_context_to_binary,{x,0}}.
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{atom,none},{x,0}]}}.
    return.

{function, alt2, 1, 11}.
  {label,10}.
    {func_info,{atom,bin_legacy},{atom,alt2},1}.
  {label,11}.
    {test,bs_start_match2,{f,13},1,[{x,0},0],{x,0}}.
    {test,bs_get_integer2,{f,12},1,[{x,0},{integer,8},1,{field_flags,[unsigned,big]}],{x,1}}.
    {test,is_eq_exact,{f,12},[{x,1},{integer,1}]}.
    {test,bs_get_integer2,{f,12},1,[{x,0},{integer,8},1,{field_flags,[unsigned,big]}],{x,1}}.
    {test,bs_test_tail2,{f,12},[{x,0},0]}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{atom,a},{x,1}]}}.
    return.
  {label,12}.
    {bs_restore2,{x,0},{atom,start}}.
    {test,bs_get_integer2,{f,13},1,[{x,0},{integer,16},1,{field_flags,[unsigned,little]}],{x,1}}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{atom,b},{x,1}]}}.
    return.
  {label,13}.
    {bs_context_to_binary,{x,0}}.
    {test_heap,3,1}.
    {put_tuple2,{x,0},{list,[{atom,none},{x,0}]}}.
    return.

{function, count, 2, 15}.
  {label,14}.
    {func_info,{atom,bin_legacy},{atom,count},2}.
  {label,15}.
    {test,bs_start_match2,{f,18},2,[{x,0},0],{x,0}}.
    {test,bs_get_integer2,{f,16},2,[{x,0},{integer,8},1,{field_flags,[unsigned,big]}],{x,2}}.
    {test,bs_test_unit,{f,16},[{x,0},8]}.
    {gc_bif,'+',{f,0},3,[{x,1},{x,2}],{x,1}}.
    {call_only,2,{f,15}}.
  {label,16}.
    {bs_restore2,{x,0},{atom,start}}.
    {test,bs_test_tail2,{f,17},[{x,0},0]}.
    {move,{x,1},{x,0}}.
    return.
  {label,17}.
    {bs_context_to_binary,{x,0}}.
  {label,18}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{x,1},{x,0}]}}.
    return.

{function, tail3, 1, 20}.
  {label,19}.
    {func_info,{atom,bin_legacy},{atom,tail3},1}.
  {label,20}.
    {test,bs_start_match2,{f,21},1,[{x,0},0],{x,0}}.
    {test,bs_skip_bits2,{f,21},[{x,0},{integer,3},1,{field_flags,[unsigned,big]}]}.
    {test,bs_get_binary2,{f,21},1,[{x,0},{atom,all},1,{field_flags,[unsigned,big]}],{x,0}}.
    return.
  {label,21}.
    {move,{atom,short},{x,0}}.
    return.

{function, skip1, 1, 23}.
  {label,22}.
    {func_info,{atom,bin_legacy},{atom,skip1},1}.
  {label,23}.
    {test,bs_start_match2,{f,24},1,[{x,0},0],{x,0}}.
    {test,bs_skip_bits2,{f,24},[{x,0},{integer,8},1,{field_flags,[unsigned,big]}]}.
    {call_only,1,{f,5}}.
  {label,24}.
    {move,{atom,short},{x,0}}.
    return.

{function, build, 2, 26}.
  {label,25}.
    {func_info,{atom,bin_legacy},{atom,build},2}.
  {label,26}.
    {gc_bif,byte_size,{f,0},2,[{x,1}],{x,2}}.
    {bs_add,{f,0},[{x,2},{integer,3},1],{x,2}}.
    {bs_init2,{f,0},{x,2},0,2,{field_flags,[]},{x,2}}.
    {bs_put_integer,{f,0},{integer,16},1,{field_flags,[unsigned,big]},{x,0}}.
    {bs_put_binary,{f,0},{atom,all},8,{field_flags,[unsigned,big]},{x,1}}.
    {bs_put_integer,{f,0},{integer,8},1,{field_flags,[unsigned,little]},{x,0}}.
    {move,{x,2},{x,0}}.
    return.

%% the size as an untagged literal, as older compilers wrote it
{function, byte1, 1, 41}.
  {label,40}.
    {func_info,{atom,bin_legacy},{atom,byte1},1}.
  {label,41}.
    {bs_init2,{f,0},1,0,1,{field_flags,[]},{x,1}}.
    {bs_put_integer,{f,0},{integer,8},1,{field_flags,[unsigned,big]},{x,0}}.
    {move,{x,1},{x,0}}.
    return.

{function, module_info, 0, 28}.
  {label,27}.
    {func_info,{atom,bin_legacy},{atom,module_info},0}.
  {label,28}.
    {move,{atom,bin_legacy},{x,0}}.
    {call_ext_only,1,{extfunc,erlang,get_module_info,1}}.

{function, module_info, 1, 30}.
  {label,29}.
    {func_info,{atom,bin_legacy},{atom,module_info},1}.
  {label,30}.
    {move,{x,0},{x,1}}.
    {move,{atom,bin_legacy},{x,0}}.
    {call_ext_only,2,{extfunc,erlang,get_module_info,2}}.
